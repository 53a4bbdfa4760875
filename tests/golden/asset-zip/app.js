// Function whose code is a local .zip file asset (packaging: file).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.JAVA_21,
  handler: 'example.Handler::handleRequest',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'java-handler.zip')),
});

app.synth();
