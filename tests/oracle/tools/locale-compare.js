// Writes the oracle of lambda-core's `locale_compare` (lambda-core/src/synth/collate.rs): a fixed
// pseudo-random set of construct-path-like ASCII strings, sorted by Node's `String.prototype.localeCompare`
// (ICU root collation, the comparison aws-cdk-lib sorts `DependsOn` with), each with its rank (strings
// that compare equal share one). The Rust test checks its comparator against these ranks on every pair.
//
//   node tests/oracle/tools/locale-compare.js > lambda-core/data/locale-compare.json
'use strict';

let seed = 0x5eed1234;
// mulberry32: the same strings on every run and machine.
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (s) => s[Math.floor(random() * s.length)];

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Every other ASCII character a construct id can hold ('/' separates ids, a newline becomes '--').
let other = '';
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (ch !== '/' && ch !== '\n' && !alnum.includes(ch)) other += ch;
}
const punctuation = ' _-.,:;!?\'"()[]{}@*\\&#%`^+<=>|~$';

function segment() {
  const len = 1 + Math.floor(random() * 10);
  let s = '';
  for (let i = 0; i < len; i++) {
    const r = random();
    s += r < 0.75 ? pick(alnum) : r < 0.92 ? pick(punctuation) : pick(other);
  }
  return s;
}

function path() {
  const n = 1 + Math.floor(random() * 4);
  return Array.from({ length: n }, segment).join('/');
}

// Near neighbours of an earlier string, so that ties at the first level are frequent: the case of
// one letter flipped, a character inserted (control characters are ignorable), a digit or a
// letter changed, a segment appended.
function mutate(s) {
  const i = Math.floor(random() * (s.length + 1));
  switch (Math.floor(random() * 5)) {
    case 0: {
      const c = s[i] ?? 'a';
      const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      return s.slice(0, i) + flipped + s.slice(i + 1);
    }
    case 1:
      return s.slice(0, i) + pick(other) + s.slice(i);
    case 2:
      return s.slice(0, i) + pick('0123456789') + s.slice(i + 1);
    case 3:
      return s.slice(0, i) + pick(alnum) + s.slice(i);
    default:
      return s + '/' + segment();
  }
}

const strings = [];
while (strings.length < 2000) {
  strings.push(strings.length > 10 && random() < 0.4 ? mutate(pick(strings)) : path());
}
strings.push('Stack/a_b', 'Stack/a-b', 'Stack/a1', 'Stack/A2', 'Stack/aaa', 'Stack/ab', 'Stack/BBB', '', 'a', 'A', 'aB', 'Ab');

const sorted = [...strings].sort((a, b) => a.localeCompare(b));
let rank = 0;
const ranked = sorted.map((s, i) => {
  if (i > 0 && sorted[i - 1].localeCompare(s) !== 0) rank++;
  return [rank, s];
});
const out = { node: process.version, icu: process.versions.icu, strings: ranked };
process.stdout.write(JSON.stringify(out, null, 0).replace(/\],\[/g, '],\n[') + '\n');
