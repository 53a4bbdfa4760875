// EXPECTED ERROR (if CDK rejects it): SnapStart together with ephemeral storage > 512 MiB.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.JAVA_21,
  handler: 'example.Handler::handleRequest',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'java-handler.zip')),
  ephemeralStorageSize: cdk.Size.mebibytes(1024),
  snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
});
app.synth();
