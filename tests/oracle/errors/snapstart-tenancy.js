// EXPECTED ERROR: SnapStart on a tenant-isolated function.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.JAVA_21, handler: 'example.Handler::handleRequest',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
  snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS, tenancyConfig: lambda.TenancyConfig.PER_TENANT });
app.synth();
