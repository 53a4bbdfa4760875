// Asset exclude patterns over fixtures/exclude-src:
//   GlobExclude    : exclude ['*.ignore'] (default IgnoreMode.GLOB: matches at any depth)
//   DockerExclude  : exclude ['*.ignore'] with IgnoreMode.DOCKER (root-level only)
//   GitExclude     : exclude ['*.ignore'] with IgnoreMode.GIT
//   NegationGlob   : exclude ['*', '!index.py'] (only index.py kept)
//   NegationDocker : exclude ['*', '!index.py', '!sub', 'sub/*.ignore'] with IgnoreMode.DOCKER
// See assets-listing.txt in the golden folder for which files each staged asset kept.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
const src = path.join(__dirname, '..', '..', '..', 'fixtures', 'exclude-src');

const fn = (id, exclude, ignoreMode) => new lambda.Function(stack, id, {
  code: lambda.Code.fromAsset(src, ignoreMode ? { exclude, ignoreMode } : { exclude }),
  runtime: lambda.Runtime.PYTHON_3_12,
  handler: 'index.handler',
});

fn('GlobExclude', ['*.ignore']);
fn('DockerExclude', ['*.ignore'], cdk.IgnoreMode.DOCKER);
fn('GitExclude', ['*.ignore'], cdk.IgnoreMode.GIT);
fn('NegationGlob', ['*', '!index.py']);
fn('NegationDocker', ['*', '!index.py', '!sub', 'sub/*.ignore'], cdk.IgnoreMode.DOCKER);
fn('NoExclude', undefined);

app.synth();
