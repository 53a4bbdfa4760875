// EXPECTED ERROR: a provisioned-concurrency utilization target above 0.9.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_20_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
});
fn.addAlias('live').addAutoScaling({ maxCapacity: 5 }).scaleOnUtilization({ utilizationTarget: 0.95 });
app.synth();
