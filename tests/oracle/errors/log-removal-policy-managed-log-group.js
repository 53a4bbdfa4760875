// EXPECTED ERROR: logRemovalPolicy with the CDK-managed log group (the recommended flags' useCdkManagedLogGroup).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const logs = require('aws-cdk-lib/aws-logs');

const app = new cdk.App({ context: { '@aws-cdk/aws-lambda:useCdkManagedLogGroup': true } });
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new lambda.Function(stack, 'Retained', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
  logRetention: logs.RetentionDays.INFINITE,
  logRemovalPolicy: cdk.RemovalPolicy.RETAIN,
});
app.synth();
