// Provisioned concurrency on versions: through currentVersionOptions and on a Version of its own.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
  currentVersionOptions: { provisionedConcurrentExecutions: 3, description: 'current' },
});
fn.currentVersion;
new lambda.Version(stack, 'Pinned', {
  lambda: fn,
  provisionedConcurrentExecutions: 7,
  description: 'pinned',
});

app.synth();
