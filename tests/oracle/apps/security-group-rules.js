// Security group rules: an inline ingress rule from an IP range on a group without outbound
// traffic (aws-cdk-lib's placeholder egress rule), and a function without outbound traffic
// allowed to reach that group (an ingress rule there, an egress rule on the function's group).
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 1, maxAzs: 2 });
const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false, description: 'database' });
db.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(5432));
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  vpc,
  allowAllOutbound: false,
});
fn.connections.allowTo(db, ec2.Port.tcp(5432));

app.synth();
