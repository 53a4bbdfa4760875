const path = require('path');
const cdk = require('aws-cdk-lib');   // resolves to tests/oracle/node_modules (NODE_PATH, regenerate-scale.sh)
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'Assets100');
for (let i = 0; i < 100; i++) {
  new lambda.Function(stack, `Fn${i}`, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(path.join(__dirname, 'assets100', `fn${i}`)),
  });
}
app.synth();
