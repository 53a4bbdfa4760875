// EXPECTED ERROR: Lambda Insights 1.0.54.0 has no layer in af-south-1 (stack with a known region).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'), { env: { account: '123456789012', region: 'af-south-1' } });
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline,
  insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_54_0 });
app.synth();
