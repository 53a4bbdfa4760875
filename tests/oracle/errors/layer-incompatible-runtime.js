// EXPECTED ERROR: function runtime not in the layer's compatibleRuntimes.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const inline = lambda.Code.fromInline('exports.handler = async () => "hi";');
const layer = new lambda.LayerVersion(stack, 'L', { code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'layer-node')), compatibleRuntimes: [lambda.Runtime.PYTHON_3_12] });
new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline, layers: [layer] });
app.synth();
