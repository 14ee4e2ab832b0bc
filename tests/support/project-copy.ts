/**
 * A copy of the project in a temporary directory, for tests of scripts that build into the
 * project itself (`npm run deploy` writes the function bundles and the UI folders' generated
 * code): the test runs the copy's scripts, so nothing lands in the working tree. node_modules is
 * linked, not copied; build output is left out.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');

// what a build of the HubSpot project reads (a scratch folder of snapshots in the root stays behind)
const COPIED = ['src', 'scripts', 'hsproject.json', 'package.json', 'tsconfig.json', '.prettierrc.json'];
const LEFT_OUT = new Set(['node_modules', 'dist', '.kam']);

export function copyProject(): { root: string; remove: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), 'keystone-project-'));
  const root = path.join(parent, 'keystone');
  for (const entry of COPIED) {
    cpSync(path.join(REPOSITORY_ROOT, entry), path.join(root, entry), {
      recursive: true,
      filter: (source) => !LEFT_OUT.has(path.basename(source)),
    });
  }
  symlinkSync(path.join(REPOSITORY_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
