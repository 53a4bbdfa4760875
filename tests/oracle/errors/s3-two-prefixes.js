// EXPECTED ERROR: Two prefix rules in one S3 notification filter.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const s3 = require('aws-cdk-lib/aws-s3'); const es = require('aws-cdk-lib/aws-lambda-event-sources');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline });
fn.addEventSource(new es.S3EventSource(new s3.Bucket(stack, 'B'), { events: [s3.EventType.OBJECT_CREATED], filters: [{ prefix: 'a/' }, { prefix: 'b/' }] }));
app.synth();
