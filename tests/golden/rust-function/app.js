// A Rust handler built with cargo-lambda (cargo-lambda-cdk 0.0.36's RustFunction, the TypeScript anchor):
// `cargo lambda build --release` runs at every synthesis and the asset is the built `bootstrap`.
// Needs `cargo lambda` on PATH (PyPI: cargo-lambda + ziglang). The asset hash is of the build output,
// so it differs between machines and toolchains; compare the template's shape, not that hash.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { RustFunction } = require('cargo-lambda-cdk');
const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));
new RustFunction(stack, 'Orders', {
  manifestPath: path.join(__dirname, '..', '..', '..', 'fixtures', 'rust-handler'),
  binaryName: 'orders',
  memorySize: 256,
  environment: { TABLE_NAME: 'orders' },
});
app.synth();
