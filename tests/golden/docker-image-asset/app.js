// DockerImageFunction from a local Dockerfile (DockerImageCode.fromImageAsset): the image asset is written
// to the asset manifest (dockerImages) for the CLI to build at deploy; no Docker engine is needed to synthesize.
// Second function: arm64 with cmd/entrypoint/workingDirectory overrides, build args and a target stage.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const dir = path.join(__dirname, '..', '..', '..', 'fixtures', 'docker-handler');
new lambda.DockerImageFunction(stack, 'ImageFn', {
  code: lambda.DockerImageCode.fromImageAsset(dir),
  memorySize: 1024,
  timeout: cdk.Duration.seconds(30),
});
new lambda.DockerImageFunction(stack, 'ArmImageFn', {
  architecture: lambda.Architecture.ARM_64,
  code: lambda.DockerImageCode.fromImageAsset(dir, {
    cmd: ['app.handler'], entrypoint: ['/lambda-entrypoint.sh'], workingDirectory: '/var/task',
    buildArgs: { PY: '3.13' }, exclude: ['*.md'],
  }),
});
app.synth();
