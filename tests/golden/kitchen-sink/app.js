// Many plain Function props at once: functionName, description, memorySize, environment (+addEnvironment),
// environmentEncryption (KMS), maxEventAge/retryAttempts/onSuccess/onFailure (EventInvokeConfig),
// recursiveLoop, durableConfig, explicit security group in a VPC with subnet selection,
// imported layer, extra initial policy, metric-based alarm.
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const iam = require('aws-cdk-lib/aws-iam');
const kms = require('aws-cdk-lib/aws-kms');
const lambda = require('aws-cdk-lib/aws-lambda');
const destinations = require('aws-cdk-lib/aws-lambda-destinations');
const sns = require('aws-cdk-lib/aws-sns');
const sqs = require('aws-cdk-lib/aws-sqs');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const key = new kms.Key(stack, 'EnvKey');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const sg = new ec2.SecurityGroup(stack, 'FnSg', { vpc, allowAllOutbound: false });
const onSuccess = new sqs.Queue(stack, 'OnSuccess');
const onFailure = new sns.Topic(stack, 'OnFailure');

const fn = new lambda.Function(stack, 'Sink', {
  functionName: 'kitchen-sink-fn',
  description: 'Every prop at once',
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
  memorySize: 1024,
  timeout: cdk.Duration.seconds(30),
  environment: { TABLE_NAME: 'orders', LOG_LEVEL: 'info' },
  environmentEncryption: key,
  maxEventAge: cdk.Duration.hours(2),
  retryAttempts: 1,
  onSuccess: new destinations.SqsDestination(onSuccess),
  onFailure: new destinations.SnsDestination(onFailure),
  recursiveLoop: lambda.RecursiveLoop.ALLOW,
  durableConfig: { executionTimeout: cdk.Duration.hours(1), retentionPeriod: cdk.Duration.days(30) },
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  securityGroups: [sg],
  initialPolicy: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::my-bucket/*'] })],
  layers: [lambda.LayerVersion.fromLayerVersionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:layer:foo:3')],
});
fn.addEnvironment('ADDED_LATER', 'yes');
fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] }));
fn.metricErrors().createAlarm(stack, 'Errors', { threshold: 1, evaluationPeriods: 1 });

app.synth();
