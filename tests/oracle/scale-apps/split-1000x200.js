const path = require('path');
const cdk = require('aws-cdk-lib');   // resolves to tests/oracle/node_modules (NODE_PATH, regenerate-scale.sh)
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App();
for (let s = 0; s < 5; s++) {
  const stack = new cdk.Stack(app, `Split${s}`);
  for (let j = 0; j < 200; j++) {
    const i = s * 200 + j;
    new lambda.Function(stack, `Fn${i}`, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ' + i + ';'),
      environment: { INDEX: String(i) },
    });
  }
}
app.synth();
