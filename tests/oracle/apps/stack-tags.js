// A stack's own tags (StackProps.tags) with Tags.of on the app and the stack: manifest.json's stack
// tags merge them (Tags.of winning) without explicitStackTags, and are the stack's own only with it;
// the template's resources carry the Tags.of tags only.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const sqs = require('aws-cdk-lib/aws-sqs');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'stack-tags', { tags: { Project: 'orders', 'cost-center': '42' } });
new sqs.Queue(stack, 'Queue');
new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;') });
cdk.Tags.of(app).add('owner', 'lambda-team');
cdk.Tags.of(stack).add('Project', 'override');
app.synth();
