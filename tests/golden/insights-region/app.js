// Lambda Insights VERSION_1_0_98_0 in a stack with a fixed region (literal layer ARN).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'), {
  env: { account: '123456789012', region: 'us-east-1' },
});

new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
  insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_98_0,
});

new lambda.Function(stack, 'FromArn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
  insightsVersion: lambda.LambdaInsightsVersion.fromInsightVersionArn(
    'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:14'),
});

app.synth();
