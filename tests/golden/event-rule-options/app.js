// EventBridge rules with each option: rate and cron (no minute: warning) schedules, an event
// pattern, disabled state, description, name; Lambda targets with a retry policy, an alias
// target, and one function targeted twice by one rule (one permission).
const path = require('path');
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = new lambda.Function(stack, 'Worker', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
});
const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });

const hourly = new events.Rule(stack, 'Hourly', {
  schedule: events.Schedule.rate(cdk.Duration.minutes(120)),
  description: 'every two hours',
  ruleName: 'every-two-hours',
});
hourly.addTarget(new targets.LambdaFunction(fn, {
  retryAttempts: 2,
  maxEventAge: cdk.Duration.hours(2),
}));
hourly.addTarget(new targets.LambdaFunction(fn, { retryAttempts: 0 }));
hourly.addTarget(new targets.LambdaFunction(alias, { maxEventAge: cdk.Duration.minutes(5) }));

const onEc2 = new events.Rule(stack, 'OnEc2', {
  enabled: false,
  eventPattern: {
    version: ['0'],
    detailType: ['EC2 Instance State-change Notification'],
    source: ['aws.ec2'],
    region: ['eu-west-1'],
    detail: { state: ['running', 'stopped'] },
  },
});
onEc2.addTarget(new targets.LambdaFunction(fn));

new events.Rule(stack, 'Mondays', {
  schedule: events.Schedule.cron({ hour: '8', weekDay: 'MON' }),
});

app.synth();
