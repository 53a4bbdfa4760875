// EXPECTED ERROR: Code.fromCustomCommand with a command that exits non-zero.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_20_X,
  handler: 'index.handler',
  code: lambda.Code.fromCustomCommand(path.join(__dirname, 'never-built'), [
    'node', '-e', 'console.log("building"); console.error("no compiler found"); process.exit(3)',
  ]),
});
app.synth();
