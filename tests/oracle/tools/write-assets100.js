// Writes the input folders of the assets-100 app: <dir>/fn<i>/{index.js, package.json, data.txt}
// for i in 0..99, byte for byte what the oracle's perf/gen.js writes (the loop below is its code).
//   node tools/write-assets100.js <dir>
const fs = require('fs');
const path = require('path');

const assetsRoot = process.argv[2];
if (!assetsRoot) {
  console.error('usage: node tools/write-assets100.js <dir>');
  process.exit(2);
}
for (let i = 0; i < 100; i++) {
  const d = path.join(assetsRoot, `fn${i}`);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'index.js'), `exports.handler = async () => ${i};\n`);
  fs.writeFileSync(path.join(d, 'package.json'), JSON.stringify({ name: `fn${i}`, version: '1.0.0' }, null, 2) + '\n');
  fs.writeFileSync(path.join(d, 'data.txt'), `payload ${i}\n`.repeat(20));
}
