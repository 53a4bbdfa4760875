// Runtime management mode Manual (with a runtime version ARN) and FUNCTION_UPDATE.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

new lambda.Function(stack, 'Lambda', {
  runtimeManagementMode: lambda.RuntimeManagementMode.manual(
    'arn:aws:lambda:us-east-1::runtime:0b3a8c8a5c2a8c4c7f1b6a0f3b8e0d1c2a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d'),
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
});

new lambda.Function(stack, 'OnUpdate', {
  runtimeManagementMode: lambda.RuntimeManagementMode.FUNCTION_UPDATE,
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
});

app.synth();
