// Code signing: SigningProfile + CodeSigningConfig attached to a function.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const signer = require('aws-cdk-lib/aws-signer');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const signingProfile = new signer.SigningProfile(stack, 'SigningProfile', {
  platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA,
});

const codeSigningConfig = new lambda.CodeSigningConfig(stack, 'CodeSigningConfig', {
  signingProfiles: [signingProfile],
  untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.ENFORCE,
  description: 'enforce signed code',
});

new lambda.Function(stack, 'Function', {
  codeSigningConfig,
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
});

app.synth();
