// EXPECTED ERROR: SQS batch size over 10 without a batching window.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const sqs = require('aws-cdk-lib/aws-sqs'); const es = require('aws-cdk-lib/aws-lambda-event-sources');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline });
fn.addEventSource(new es.SqsEventSource(new sqs.Queue(stack, 'Q'), { batchSize: 11 }));
app.synth();
