// LayerVersion with compatible runtimes/architectures, license, description,
// addPermission to an account and to an organization, removal policy RETAIN;
// a function using it.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const layer = new lambda.LayerVersion(stack, 'MyLayer', {
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'layer-node')),
  compatibleRuntimes: [lambda.Runtime.NODEJS_22_X, lambda.Runtime.NODEJS_24_X],
  compatibleArchitectures: [lambda.Architecture.X86_64, lambda.Architecture.ARM_64],
  license: 'Apache-2.0',
  description: 'A layer to test the L2 construct',
  layerVersionName: 'my-layer',
  removalPolicy: cdk.RemovalPolicy.RETAIN,
});

layer.addPermission('remote-account-grant', { accountId: '123456789012' });
layer.addPermission('org-grant', { accountId: '*', organizationId: 'o-xxxxxxxxxx' });

new lambda.Function(stack, 'MyLayeredLambda', {
  code: new lambda.InlineCode('foo'),
  handler: 'index.handler',
  runtime: lambda.Runtime.NODEJS_22_X,
  layers: [layer],
});

app.synth();
