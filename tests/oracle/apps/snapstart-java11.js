// SnapStart on java11 from a .zip asset, with currentVersion.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = new lambda.Function(stack, 'MyFunction', {
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'java-handler.zip')),
  runtime: lambda.Runtime.JAVA_11,
  handler: 'example.Handler::handleRequest',
  snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
});

const version = fn.currentVersion;
void version;

app.synth();
