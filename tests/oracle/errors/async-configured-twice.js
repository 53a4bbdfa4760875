// EXPECTED ERROR: configureAsyncInvoke on a function whose props already configured it.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline, retryAttempts: 1 });
fn.configureAsyncInvoke({ retryAttempts: 2 });
app.synth();
