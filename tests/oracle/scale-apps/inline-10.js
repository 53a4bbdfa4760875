const path = require('path');
const cdk = require('aws-cdk-lib');   // resolves to tests/oracle/node_modules (NODE_PATH, regenerate-scale.sh)
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
const stack = new cdk.Stack(app, 'Inline10');
for (let i = 0; i < 10; i++) {
new lambda.Function(stack, `Fn${i}`, {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ' + i + ';'),
  environment: { INDEX: String(i) },
});
}
app.synth();
