/**
 * The import checks `npm run deploy` runs before an upload: HubSpot builds each UI folder from its
 * own files and package.json, and installs only the functions' package.json dependencies, so an
 * import that leaves a folder or needs an undeclared package fails HubSpot's build.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleImportProblems, uiImportProblems } from '../../../scripts/deploy-checks';

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'keystone-app-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CARD_PACKAGE = JSON.stringify({
  dependencies: { react: '18.3.1', '@hubspot/ui-extensions': '0.17.0' },
});

describe('UI component imports', () => {
  test('a card that imports only its own folder and its packages passes', () => {
    const dir = app({
      'cards/package.json': CARD_PACKAGE,
      'cards/Card.tsx':
        "import React from 'react';\nimport { Text } from '@hubspot/ui-extensions';\nimport { x } from './lib/x';\n",
      'cards/lib/x.ts': "export const x = 1;\nimport type { Y } from '../generated/engine/y';\n",
      'cards/generated/engine/y.ts': 'export type Y = number;\n',
    });
    expect(uiImportProblems(path.join(dir, 'cards/Card.tsx'), dir)).toEqual([]);
  });

  test('an import of the engine outside the folder, or an undeclared package, is named', () => {
    const dir = app({
      'cards/package.json': CARD_PACKAGE,
      'cards/Card.tsx': "import { z } from 'zod';\nimport { score } from './lib/score';\n",
      'cards/lib/score.ts': "export { score } from '../../engine/core/score';\n",
      'engine/core/score.ts': 'export const score = 1;\n',
    });
    const problems = uiImportProblems(path.join(dir, 'cards/Card.tsx'), dir);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/imports 'zod', which .*cards\/package\.json does not provide/);
    expect(problems.join('\n')).toMatch(/imports '\.\.\/\.\.\/engine\/core\/score' from outside .*cards\//);
  });
});

describe('function bundle requires', () => {
  test('Node built-ins and the functions’ dependencies pass; anything else is named', () => {
    const dir = app({
      'functions/package.json': JSON.stringify({ dependencies: { '@hubspot/api-client': '14.0.1' } }),
      'functions/dist/ok.js': 'require("node:crypto");require("fs");require("@hubspot/api-client/lib/x");',
      'functions/dist/bad.js': 'require("zod");require("../../engine/x");',
    });
    expect(bundleImportProblems(path.join(dir, 'functions/dist/ok.js'), path.join(dir, 'functions'))).toEqual(
      [],
    );
    const problems = bundleImportProblems(
      path.join(dir, 'functions/dist/bad.js'),
      path.join(dir, 'functions'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/requires 'zod', which HubSpot will not install/),
      expect.stringMatching(/requires '\.\.\/\.\.\/engine\/x'/),
    ]);
  });
});
