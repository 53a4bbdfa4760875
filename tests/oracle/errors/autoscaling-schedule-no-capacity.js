// EXPECTED ERROR: a scheduled scaling action with neither minCapacity nor maxCapacity.
const path = require('path');
const cdk = require('aws-cdk-lib');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_20_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
});
fn.addAlias('live').addAutoScaling({ maxCapacity: 5 })
  .scaleOnSchedule('Nightly', { schedule: appscaling.Schedule.rate(cdk.Duration.days(1)) });
app.synth();
