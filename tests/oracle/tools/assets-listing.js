// Writes <goldenDir>/assets-listing.txt for one synthesized cloud assembly: every staged
// asset (`asset.<hash>` folder or file) with its files, sizes and sha256, in sorted order.
// Same format as the oracle's listing, so the copied goldens regenerate byte for byte.
// usage: node tools/assets-listing.js <assemblyDir> <goldenDir>
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [asmDir, goldenDir] = process.argv.slice(2);
if (!asmDir || !goldenDir) {
  console.error('usage: node tools/assets-listing.js <assemblyDir> <goldenDir>');
  process.exit(2);
}
const sha = (p) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

function walk(dir, rel = '') {
  const out = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const st = fs.lstatSync(path.join(dir, r));
    if (st.isDirectory()) out.push(...walk(dir, r));
    else out.push(`  ${r}  ${st.size}  ${sha(path.join(dir, r))}`);
  }
  return out;
}

const lines = [];
for (const name of fs.readdirSync(asmDir).sort()) {
  if (!name.startsWith('asset.')) continue;
  const p = path.join(asmDir, name);
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    lines.push(`${name}/`);
    lines.push(...walk(p));
  } else {
    lines.push(`${name}  ${st.size}  ${sha(p)}`);
  }
}
fs.writeFileSync(
  path.join(goldenDir, 'assets-listing.txt'),
  lines.length ? lines.join('\n') + '\n' : '(no staged assets)\n',
);
