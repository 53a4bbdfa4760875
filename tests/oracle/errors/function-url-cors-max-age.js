// EXPECTED ERROR: a function URL's CORS maxAge above one day.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline });
fn.addFunctionUrl({ cors: { maxAge: cdk.Duration.seconds(86401) } });
app.synth();
