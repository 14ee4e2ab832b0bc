#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's require hook, so `npx kam` works right after `npm ci` with no build step.
require('tsx/cjs');
require('../cli/main.ts');
