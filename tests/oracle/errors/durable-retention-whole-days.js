// EXPECTED ERROR (if CDK rejects it): a durable retention period that is not whole days.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
  durableConfig: { executionTimeout: cdk.Duration.hours(1), retentionPeriod: cdk.Duration.seconds(129600) },
});
app.synth();
