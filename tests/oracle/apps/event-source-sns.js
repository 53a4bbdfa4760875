// SNS event sources: a plain subscription, and one with a filter policy and a dead-letter queue.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const eventsources = require('aws-cdk-lib/aws-lambda-event-sources');
const sns = require('aws-cdk-lib/aws-sns');
const sqs = require('aws-cdk-lib/aws-sqs');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const props = {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
};
const topic = new sns.Topic(stack, 'Orders');
const all = new lambda.Function(stack, 'All', props);
all.addEventSource(new eventsources.SnsEventSource(topic));

const red = new lambda.Function(stack, 'Red', props);
red.addEventSource(new eventsources.SnsEventSource(topic, {
  filterPolicy: {
    color: sns.SubscriptionFilter.stringFilter({ allowlist: ['red', 'orange'] }),
  },
  deadLetterQueue: new sqs.Queue(stack, 'Undelivered'),
}));

app.synth();
