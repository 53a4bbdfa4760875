// EXPECTED ERROR: ADOT Python layer with the regular handler wrapper.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('def handler(event, context):\n    return "hi"\n');
new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler', code: inline,
  adotInstrumentation: { layerVersion: lambda.AdotLayerVersion.fromPythonSdkLayerVersion(lambda.AdotLambdaLayerPythonSdkVersion.LATEST), execWrapper: lambda.AdotLambdaExecWrapper.REGULAR_HANDLER } });
app.synth();
