// EXPECTED ERROR: a DockerImageFunction whose image directory has no Dockerfile.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new lambda.DockerImageFunction(stack, 'Fn', {
  code: lambda.DockerImageCode.fromImageAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
});
app.synth();
