// Lambda Insights VERSION_1_0_98_0 in an environment-agnostic stack whose context limits the
// target partitions to `aws`: the region mapping leaves the China regions out.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
stack.node.setContext('@aws-cdk/core:target-partitions', ['aws']);

new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
  insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_98_0,
});

app.synth();
