// currentVersion hashing: two layers given in different orders.
//   hash-layer-order-off-a / -off-b : @aws-cdk/aws-lambda:recognizeLayerVersion unset (default false):
//       order is baked into the function hash -> different CurrentVersion IDs, Layers kept in given order.
//   hash-layer-order-on-a / -on-b   : flag set true (what `cdk init` writes): layers sorted by
//       construct path and their own config hashed -> equal CurrentVersion IDs.
// Each stack has one in-stack layer (asset) and one imported layer (ARN).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();

function make(stackName, reversed, flag) {
  const stack = new cdk.Stack(app, stackName);
  if (flag) {
    stack.node.setContext('@aws-cdk/aws-lambda:recognizeLayerVersion', true);
  }
  const own = new lambda.LayerVersion(stack, 'MyLayer', {
    code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'layer-node')),
    compatibleRuntimes: [lambda.Runtime.NODEJS_22_X],
  });
  const imported = lambda.LayerVersion.fromLayerVersionArn(stack, 'Imported',
    'arn:aws:lambda:us-east-1:123456789012:layer:foo:3');
  const fn = new lambda.Function(stack, 'MyFunction', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => "hi";'),
    layers: reversed ? [imported, own] : [own, imported],
  });
  fn.addAlias('live');
}

make('hash-layer-order-off-a', false, false);
make('hash-layer-order-off-b', true, false);
make('hash-layer-order-on-a', false, true);
make('hash-layer-order-on-b', true, true);

app.synth();
