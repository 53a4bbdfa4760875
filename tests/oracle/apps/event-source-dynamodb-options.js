// DynamoDB stream event sources with every stream option, on-failure SQS and SNS destinations,
// and table data grants.
const path = require('path');
const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const lambda = require('aws-cdk-lib/aws-lambda');
const eventsources = require('aws-cdk-lib/aws-lambda-event-sources');
const sns = require('aws-cdk-lib/aws-sns');
const sqs = require('aws-cdk-lib/aws-sqs');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = (id) => new lambda.Function(stack, id, {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
});
const consumer = fn('Consumer');
const auditor = fn('Auditor');
const writer = fn('Writer');

const table = new dynamodb.Table(stack, 'Orders', {
  tableName: 'orders',
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'sk', type: dynamodb.AttributeType.NUMBER },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  timeToLiveAttribute: 'expires',
  removalPolicy: cdk.RemovalPolicy.DESTROY,
});
const failed = new sqs.Queue(stack, 'Failed');
consumer.addEventSource(new eventsources.DynamoEventSource(table, {
  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
  batchSize: 50,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  maxBatchingWindow: cdk.Duration.seconds(10),
  maxRecordAge: cdk.Duration.hours(1),
  retryAttempts: 3,
  parallelizationFactor: 2,
  tumblingWindow: cdk.Duration.seconds(60),
  onFailure: new eventsources.SqsDlq(failed),
  enabled: false,
  filters: [
    lambda.FilterCriteria.filter({
      eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
      dynamodb: { NewImage: { total: { N: lambda.FilterRule.between(10, 100) } } },
    }),
    lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.notEquals('REMOVE') }),
  ],
}));
auditor.addEventSource(new eventsources.DynamoEventSource(table, {
  startingPosition: lambda.StartingPosition.LATEST,
  onFailure: new eventsources.SnsDlq(new sns.Topic(stack, 'Alerts')),
}));
table.grantReadWriteData(writer);
table.grantReadData(auditor);

app.synth();
