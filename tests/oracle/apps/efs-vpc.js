// EFS access point mounted into a function inside a new VPC.
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const efs = require('aws-cdk-lib/aws-efs');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const vpc = new ec2.Vpc(stack, 'VPC');
const fileSystem = new efs.FileSystem(stack, 'Efs', { vpc });
const accessPoint = fileSystem.addAccessPoint('AccessPoint', {
  path: '/export/lambda',
  createAcl: { ownerUid: '1001', ownerGid: '1001', permissions: '750' },
  posixUser: { uid: '1001', gid: '1001' },
});

new lambda.Function(stack, 'MyLambda', {
  filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPoint, '/mnt/msg'),
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
  vpc,
});

app.synth();
