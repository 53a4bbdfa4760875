// EXPECTED ERROR: private subnets (with NAT gateways) but no public subnet to hold them.
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new ec2.Vpc(stack, 'Vpc', { subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }] });
app.synth();
