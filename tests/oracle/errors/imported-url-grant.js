// EXPECTED ERROR: grantInvokeUrl on a function imported by ARN (no Function URL known to CDK) in an
// environment-agnostic stack: the resource-policy half of the grant cannot be added.
const path = require('path');
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const byArn = lambda.Function.fromFunctionArn(stack, 'Function', 'arn:aws:lambda:us-east-1:123456789012:function:MyFn');
const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
byArn.grantInvokeUrl(role);
app.synth();
