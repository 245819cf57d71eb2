#!/usr/bin/env node
'use strict';
// The command runs the compiled code; build it first when it is missing (after a fresh clone, `npm install` builds it).
const { existsSync } = require('node:fs');
const path = require('node:path');
const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(main)) {
  require('node:child_process').execSync('npx tsc -p tsconfig.build.json', { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
}
require(main);
