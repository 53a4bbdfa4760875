// A rule target with a dead-letter queue (and a retry policy): the queue's resource policy lets
// the rule send to it.
const path = require('path');
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const lambda = require('aws-cdk-lib/aws-lambda');
const sqs = require('aws-cdk-lib/aws-sqs');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
});
const queue = new sqs.Queue(stack, 'DeadLetters');

const rule = new events.Rule(stack, 'Hourly', {
  schedule: events.Schedule.rate(cdk.Duration.hours(1)),
});
rule.addTarget(new targets.LambdaFunction(fn, {
  deadLetterQueue: queue,
  maxEventAge: cdk.Duration.hours(2),
  retryAttempts: 2,
}));

app.synth();
