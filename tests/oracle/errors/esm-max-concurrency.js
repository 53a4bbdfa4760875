// EXPECTED ERROR: An event source mapping's maxConcurrency below 2.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const sqs = require('aws-cdk-lib/aws-sqs'); const es = require('aws-cdk-lib/aws-lambda-event-sources');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline });
new lambda.EventSourceMapping(fn, 'Mapping', { target: fn, eventSourceArn: new sqs.Queue(stack, 'Q').queueArn, maxConcurrency: 1 });
app.synth();
