#!/usr/bin/env node
'use strict';
// Runs the CLI from its bundle (dist/kam.cjs): built by `npm ci` (the prepare step) and rebuilt
// here whenever a source file is newer, so an edit is never run stale. One bundled file scores
// ~25% faster than TypeScript loaded module by module (scripts/bundle.cjs says why). If the
// bundle can't be built (a read-only install, say), the CLI runs from source through tsx.
const { CLI_ENTRY, freshBundle } = require('../scripts/bundle.cjs');

let bundle = null;
try {
  bundle = freshBundle(CLI_ENTRY);
} catch (error) {
  process.stderr.write(`kam: running from source, the bundle could not be built (${error.message})\n`);
}
if (bundle !== null) {
  process.setSourceMapsEnabled(true);
  require(bundle);
} else {
  require('tsx/cjs');
  require('../cli/main.ts');
}
