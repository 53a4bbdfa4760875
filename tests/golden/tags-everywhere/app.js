// Tags.of on the app, the stack and a VPC: which resource types take tags, in which property
// (FileSystemTags, AccessPointTags, a map for SSM parameters), sorted with localeCompare, the
// nearest scope winning (the VPC's own Name, then the user's), subnet tags on subnets only.
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const efs = require('aws-cdk-lib/aws-efs');
const kms = require('aws-cdk-lib/aws-kms');
const lambda = require('aws-cdk-lib/aws-lambda');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const ssm = require('aws-cdk-lib/aws-ssm');
const sm = require('aws-cdk-lib/aws-secretsmanager');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const logs = require('aws-cdk-lib/aws-logs');
const signer = require('aws-cdk-lib/aws-signer');
const prof = require('aws-cdk-lib/aws-codeguruprofiler');
const les = require('aws-cdk-lib/aws-lambda-event-sources');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'tags-everywhere');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const fs = new efs.FileSystem(stack, 'Efs', { vpc, removalPolicy: cdk.RemovalPolicy.DESTROY });
const ap = fs.addAccessPoint('AccessPoint', { path: '/export', createAcl: { ownerUid: '1001', ownerGid: '1001', permissions: '750' }, posixUser: { uid: '1001', gid: '1001' } });
const key = new kms.Key(stack, 'Key');
const q = new sqs.Queue(stack, 'Queue');
const t = new sns.Topic(stack, 'Topic');
const table = new ddb.Table(stack, 'Table', { partitionKey: { name: 'id', type: ddb.AttributeType.STRING } });
const p = new ssm.StringParameter(stack, 'Param', { stringValue: 'v' });
const s = new sm.Secret(stack, 'Secret');
const lg = new logs.LogGroup(stack, 'Logs');
const sp = new signer.SigningProfile(stack, 'Profile', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA });
const csc = new lambda.CodeSigningConfig(stack, 'Csc', { signingProfiles: [sp] });
const pg = new prof.ProfilingGroup(stack, 'ProfilingGroup', { computePlatform: prof.ComputePlatform.AWS_LAMBDA });
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  vpc, filesystem: lambda.FileSystem.fromEfsAccessPoint(ap, '/mnt/msg'), logGroup: lg,
});
fn.addEventSource(new les.SqsEventSource(q));
fn.addFunctionUrl();
fn.addAlias('live');
new events.Rule(stack, 'Rule', { schedule: events.Schedule.rate(cdk.Duration.hours(1)), targets: [new targets.LambdaFunction(fn)] });
cdk.Tags.of(app).add('owner', 'lambda-team');
cdk.Tags.of(stack).add('Team', 'payments');
cdk.Tags.of(vpc).add('Name', 'custom-vpc');
app.synth();
