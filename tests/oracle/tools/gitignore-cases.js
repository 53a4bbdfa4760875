// Writes the oracle of lambda-core's `.gitignore` mode (lambda-core/src/assets/ignore/gitignore.rs):
// what npm `ignore` (the version aws-cdk-lib bundles; IgnoreMode.GIT) answers for a fixed set of
// pattern lists and paths, files (`ignores(path)`) and directories (`ignores(path + '/')`, as
// aws-cdk-lib's GitIgnoreStrategy.completelyIgnores asks).
//
//   node tests/oracle/tools/gitignore-cases.js > lambda-core/data/gitignore-cases.json
//
// `ignore` is resolved from aws-cdk-lib's own node_modules (tests/oracle after `npm ci`), or from
// $IGNORE_MODULE.
'use strict';
const path = require('path');
const modulePath = process.env.IGNORE_MODULE ||
  path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'node_modules', 'ignore');
const ignore = require(modulePath);

let seed = 0x1917ab5;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (s) => s[Math.floor(random() * s.length)];

// Patterns people write, and the edge cases of npm ignore's pattern-to-regex rules.
const curated = [
  '*.log', '!keep.log', 'build/', '/build', 'build', '/*.js', '*', '**', '**/', '**/foo', '**/foo/bar',
  'a/**', 'a/**/b', 'a/**/', '/a/**/b/', 'foo/*', 'foo/*/', '*.PY', 'sub/', '!*.md', 'node_modules',
  '.git', '.*', '*.ignore', 'doc/*.txt', 'doc/**/*.pdf', '?.txt', 'a?c', '[abc].txt', '[a-c]*', '[!a]*',
  '[^a]*', '[z-a]x', '\\[a]', '\\!important', '\\#hash', '#comment', 'foo\\ ', 'foo  ', 'foo\\\\ ',
  ' lead', 'a\\*b', 'a\\?b', '\\*', 'a**b', 'a/**b', '**a', 'a.b', 'a+b', 'a(b)', 'a|b', 'a^b', 'a$b',
  'a{1}', 'a}b', 'a]b', '[a/b]', '[]', '[a', 'a\\', 'a\\b', '\\a', '\\d', '\\w', '\\s', '\\b', 'x/',
  'x/y', '/x/y/', 'x/y/z', '*/y', '*/', '/*', '/*/', '*/*', 'x*', '*x', '*x*', 'X', 'foo.*', 'foo.*/',
  '!', '!!a', '!/a', '\ufeffbom', 'a b', 'a\\ b', 'a\tb', '***', 'a/***', '***/a', '/**', '/**/a',
];

const patternAlphabet = 'abAB./*?!\\ [-]#x';
function randomPattern() {
  const len = 1 + Math.floor(random() * 7);
  let s = '';
  for (let i = 0; i < len; i++) s += pick(patternAlphabet);
  return s;
}

const names = ['a', 'b', 'A', 'x', 'y', 'z', 'foo', 'bar', 'build', 'keep.log', 'x.log', 'a.b', 'a b',
  'abc', 'b.txt', 'c.txt', 'ab', 'aab', 'a*b', 'a?b', '[a]', '!important', '#hash', 'foo ', ' lead',
  '.git', '.hidden', 'doc', 'node_modules', 'index.py', 'README.md', 'sub', 'X.PY', 'bom', 'a+b',
  'a(b)', 'a|b', 'a^b', 'a$b', 'a{1}', 'a}b', 'a]b', 'a\\b', 'd', '1', 'a\tb', 'B.TXT', 'foo.js'];
const paths = new Set(['a', 'a/b', 'a/b/c', 'x/y', 'x/y/z', 'build/out.js', 'doc/a.txt', 'doc/x/y.pdf',
  'sub/keep.py', 'foo/bar/baz']);
while (paths.size < 400) {
  const depth = 1 + Math.floor(random() * 3);
  paths.add(Array.from({ length: depth }, () => pick(names)).join('/'));
}
const pathList = [...paths];

const lists = curated.map((p) => [p]);
for (let i = 0; i < 150; i++) lists.push([randomPattern()]);
for (let i = 0; i < 150; i++) {
  const n = 2 + Math.floor(random() * 3);
  lists.push(Array.from({ length: n }, () => {
    const p = random() < 0.6 ? pick(curated) : randomPattern();
    return random() < 0.3 && !p.startsWith('!') ? '!' + p : p;
  }));
}

// A pattern npm ignore turns into an invalid regular expression throws while being added (as
// aws-cdk-lib then does): such a list is recorded with `error: true`.
const cases = lists.map((patterns) => {
  let ig;
  try {
    ig = ignore().add(patterns);
  } catch (e) {
    return { patterns, error: true };
  }
  const answer = (p) => (ig.ignores(p) ? '1' : '0');
  return {
    patterns,
    files: pathList.map(answer).join(''),
    dirs: pathList.map((p) => answer(p + '/')).join(''),
  };
});
const version = require(path.join(modulePath, 'package.json')).version;
const out = { ignore: version, paths: pathList, cases };
process.stdout.write(JSON.stringify(out).replace(/\},\{"patterns"/g, '},\n{"patterns"') + '\n');
