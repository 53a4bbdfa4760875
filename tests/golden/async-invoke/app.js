// Asynchronous invocation settings and destinations: a queue, a topic, a function and the
// default event bus, on the function's props and through configureAsyncInvoke.
const path = require('path');
const cdk = require('aws-cdk-lib');
const destinations = require('aws-cdk-lib/aws-lambda-destinations');
const lambda = require('aws-cdk-lib/aws-lambda');
const sns = require('aws-cdk-lib/aws-sns');
const sqs = require('aws-cdk-lib/aws-sqs');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const props = {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
};
const succeeded = new sqs.Queue(stack, 'Succeeded');
const failed = new sns.Topic(stack, 'Failed');
new lambda.Function(stack, 'Orders', {
  ...props,
  maxEventAge: cdk.Duration.hours(2),
  retryAttempts: 1,
  onSuccess: new destinations.SqsDestination(succeeded),
  onFailure: new destinations.SnsDestination(failed),
});
const handler = new lambda.Function(stack, 'FailureHandler', props);
const billing = new lambda.Function(stack, 'Billing', props);
billing.configureAsyncInvoke({
  retryAttempts: 0,
  onFailure: new destinations.LambdaDestination(handler),
  onSuccess: new destinations.EventBridgeDestination(),
});
new lambda.Function(stack, 'Quiet', { ...props, retryAttempts: 0 });

app.synth();
