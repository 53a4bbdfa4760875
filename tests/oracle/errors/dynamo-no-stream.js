// EXPECTED ERROR: A DynamoDB event source on a table without a stream.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const dynamodb = require('aws-cdk-lib/aws-dynamodb'); const es = require('aws-cdk-lib/aws-lambda-event-sources');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline });
fn.addEventSource(new es.DynamoEventSource(new dynamodb.Table(stack, 'T', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } }), { startingPosition: lambda.StartingPosition.LATEST }));
app.synth();
