// Extensions and currentVersion: Lambda Insights (region mapping), ADOT and the Parameters and
// Secrets extension on one function, environment-agnostic, with an alias on currentVersion (the
// version hash covers the layers' deploy-time ARNs under @aws-cdk/aws-lambda:recognizeLayerVersion).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
  environment: { STAGE: 'prod' },
  insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_98_0,
  adotInstrumentation: {
    layerVersion: lambda.AdotLayerVersion.fromJavaScriptSdkLayerVersion(lambda.AdotLambdaLayerJavaScriptSdkVersion.V1_30_0),
    execWrapper: lambda.AdotLambdaExecWrapper.REGULAR_HANDLER,
  },
  paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103),
});

fn.addAlias('live');

app.synth();
