// EXPECTED ERROR: Parameters and Secrets extension (arm64) in a region without its layer (il-central-1).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'), { env: { account: '123456789012', region: 'il-central-1' } });
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline, architecture: lambda.Architecture.ARM_64,
  paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103) });
app.synth();
