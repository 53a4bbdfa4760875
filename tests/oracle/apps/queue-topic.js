// SQS queues and SNS topics as Lambda users make them: props, encryption, redrive, TLS-only
// policy, grants to a role (identity policy) and to a service (resource policies).
const path = require('path');
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const sns = require('aws-cdk-lib/aws-sns');
const sqs = require('aws-cdk-lib/aws-sqs');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const dlq = new sqs.Queue(stack, 'Dlq', { retentionPeriod: cdk.Duration.days(14) });
const jobs = new sqs.Queue(stack, 'Jobs', {
  encryption: sqs.QueueEncryption.KMS,
  dataKeyReuse: cdk.Duration.minutes(10),
  deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
  deliveryDelay: cdk.Duration.seconds(5),
  maxMessageSizeBytes: 2048,
  receiveMessageWaitTime: cdk.Duration.seconds(10),
  visibilityTimeout: cdk.Duration.minutes(2),
  enforceSSL: true,
});
new sqs.Queue(stack, 'Ordered', {
  queueName: 'ordered.fifo',
  contentBasedDeduplication: true,
  encryption: sqs.QueueEncryption.SQS_MANAGED,
  removalPolicy: cdk.RemovalPolicy.RETAIN,
});
const topic = new sns.Topic(stack, 'Orders', { displayName: 'Orders' });

const role = new iam.Role(stack, 'Worker', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
});
jobs.grantConsumeMessages(role);
dlq.grantPurge(role);
topic.grantPublish(role);
dlq.grantSendMessages(new iam.ServicePrincipal('events.amazonaws.com'));
topic.grantPublish(new iam.ServicePrincipal('events.amazonaws.com'));

app.synth();
