// Cross-stack references: a layer and a function made in one stack, used from another. aws-cdk-lib exports
// the values from the producer (Outputs with Export names) and imports them (Fn::ImportValue) in the consumer,
// and adds the stack dependency to the manifest.
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App();
const shared = new cdk.Stack(app, 'cross-stack-shared');
const layer = new lambda.LayerVersion(shared, 'Common', {
  code: lambda.Code.fromAsset(require('path').join(__dirname, '..', '..', '..', 'fixtures', 'layer-node')),
  compatibleRuntimes: [lambda.Runtime.NODEJS_22_X],
});
const worker = new lambda.Function(shared, 'Worker', {
  runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
});
const api = new cdk.Stack(app, 'cross-stack-api');
const fn = new lambda.Function(api, 'Api', {
  runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 2;'),
  layers: [layer],
  environment: { WORKER_ARN: worker.functionArn, WORKER_NAME: worker.functionName },
});
worker.grantInvoke(fn);
new cdk.CfnOutput(api, 'WorkerRole', { value: worker.role.roleArn });
app.synth();
