// Generates the performance apps of bench/compare.sh under bench/work/ (git-ignored).
//   node bench/gen.js            (BENCH_WORK=<dir> to write elsewhere)
// A copy of the oracle's perf/gen.js (shared/oracle/perf/gen.js), changed only in where it writes:
// the same apps, the same asset inputs byte for byte. The apps `require('aws-cdk-lib')`, which
// compare.sh resolves to tests/oracle/node_modules with NODE_PATH.
//   node perf/gen.js
// Apps (each a single CommonJS file synthesizing with the real aws-cdk-lib):
//   inline-<N>.js          N in {1,10,100,1000}: N inline-code functions in one stack
//   assets-100.js          100 functions, each Code.fromAsset of its own directory of 3 small files
//   split-1000x200.js      1000 inline functions split across 5 stacks of 200
//   bigasset.js            1 function, Code.fromAsset of perf/work/bigasset (2,000 files x 100 KB random = 200 MB)
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const work = process.env.BENCH_WORK ? path.resolve(process.env.BENCH_WORK) : path.join(__dirname, 'work');
fs.mkdirSync(work, { recursive: true });

const header = `const path = require('path');
const cdk = require('aws-cdk-lib');   // NODE_PATH=tests/oracle/node_modules (bench/compare.sh)
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App();
`;
const inlineFn = (scope, i) => `new lambda.Function(${scope}, 'Fn${i}', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ${i};'),
  environment: { INDEX: '${i}' },
});
`;

for (const n of [1, 10, 100, 1000]) {
  // 2 resources per function (role + function): N=1000 exceeds the 500-resource check CDK applies per
  // stack (TooManyResourcesInStack), so the inline-N apps switch that check off to measure synthesis anyway.
  let s = header.replace('new cdk.App()', "new cdk.App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } })") + `const stack = new cdk.Stack(app, 'Inline${n}');\n`;
  s += `for (let i = 0; i < ${n}; i++) {\n` + inlineFn('stack', '${i}').replace(/'Fn\$\{i\}'/, '`Fn${i}`').replace("async () => ${i};", "async () => ' + i + ';").replace("INDEX: '${i}'", 'INDEX: String(i)') + '}\n';
  s += 'app.synth();\n';
  fs.writeFileSync(path.join(work, `inline-${n}.js`), s);
}

// 100 asset dirs of 3 small files each
const assetsRoot = path.join(work, 'assets100');
for (let i = 0; i < 100; i++) {
  const d = path.join(assetsRoot, `fn${i}`);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'index.js'), `exports.handler = async () => ${i};\n`);
  fs.writeFileSync(path.join(d, 'package.json'), JSON.stringify({ name: `fn${i}`, version: '1.0.0' }, null, 2) + '\n');
  fs.writeFileSync(path.join(d, 'data.txt'), `payload ${i}\n`.repeat(20));
}
fs.writeFileSync(path.join(work, 'assets-100.js'), header + `const stack = new cdk.Stack(app, 'Assets100');
for (let i = 0; i < 100; i++) {
  new lambda.Function(stack, \`Fn\${i}\`, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(path.join(__dirname, 'assets100', \`fn\${i}\`)),
  });
}
app.synth();
`);

fs.writeFileSync(path.join(work, 'split-1000x200.js'), header + `for (let s = 0; s < 5; s++) {
  const stack = new cdk.Stack(app, \`Split\${s}\`);
  for (let j = 0; j < 200; j++) {
    const i = s * 200 + j;
    new lambda.Function(stack, \`Fn\${i}\`, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ' + i + ';'),
      environment: { INDEX: String(i) },
    });
  }
}
app.synth();
`);

// 200 MB asset directory: 2,000 files x 100 KB of random bytes (deterministic PRNG so reruns reuse it)
const big = path.join(work, 'bigasset');
if (!fs.existsSync(path.join(big, 'f1999.bin'))) {
  fs.mkdirSync(big, { recursive: true });
  for (let i = 0; i < 2000; i++) {
    const buf = Buffer.alloc(100 * 1024);
    let seed = crypto.createHash('sha256').update(`seed${i}`).digest();
    for (let off = 0; off < buf.length; off += 32) {
      seed = crypto.createHash('sha256').update(seed).digest();
      seed.copy(buf, off);
    }
    fs.writeFileSync(path.join(big, `f${i}.bin`), buf);
  }
}
fs.writeFileSync(path.join(work, 'bigasset.js'), header + `const stack = new cdk.Stack(app, 'BigAsset');
new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, 'bigasset')),
});
app.synth();
`);

// fingerprint only (no staging copy): the function CDK uses to hash asset sources
fs.writeFileSync(path.join(work, 'fingerprint-only.js'), `const cdk = require('aws-cdk-lib');
const t0 = process.hrtime.bigint();
const h = cdk.FileSystem.fingerprint(require('path').join(__dirname, 'bigasset'));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(h, ms.toFixed(1) + ' ms');
`);
console.log('generated in', work);
