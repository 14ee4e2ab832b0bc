import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// scripts/bundle.cjs is what bin/kam.cjs runs first: a stale bundle would run old code
type Bundler = {
  build: (entry: string, dist?: string) => string;
  freshBundle: (entry: string, dist?: string) => string;
  isFresh: (entry: string, dist?: string) => boolean;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundler = require('../../../scripts/bundle.cjs') as Bundler;

describe('the bundles the CLI and benchmarks run from', () => {
  let work: string;
  let dist: string;
  let entry: string;
  let helper: string;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kam-bundle-'));
    dist = join(work, 'dist');
    entry = join(work, 'entry.ts');
    helper = join(work, 'helper.ts');
    writeFileSync(helper, 'export const greeting = (name: string): string => `hello ${name}`;\n');
    writeFileSync(entry, "import { greeting } from './helper';\nconsole.log(greeting('bundle'));\n");
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const run = (bundle: string) => execFileSync(process.execPath, [bundle], { encoding: 'utf8' }).trim();
  const age = (file: string, seconds: number) => {
    const time = new Date(Date.now() + seconds * 1000);
    utimesSync(file, time, time);
  };

  it('builds one file from the entry and its imports, and knows it is fresh', () => {
    expect(bundler.isFresh(entry, dist)).toBe(false);
    const bundle = bundler.freshBundle(entry, dist);
    expect(run(bundle)).toBe('hello bundle');
    expect(bundler.isFresh(entry, dist)).toBe(true);
    const inputs = JSON.parse(readFileSync(join(dist, 'entry.inputs.json'), 'utf8')) as string[];
    expect(inputs.map((file) => file.split('/').at(-1))).toEqual(['entry.ts', 'helper.ts']);
  });

  it('rebuilds when an imported file changed after the build', () => {
    const bundle = bundler.freshBundle(entry, dist);
    age(bundle, -10); // as if built ten seconds before the edit
    writeFileSync(helper, 'export const greeting = (name: string): string => `bye ${name}`;\n');
    expect(bundler.isFresh(entry, dist)).toBe(false);
    expect(bundler.freshBundle(entry, dist)).toBe(bundle);
    expect(run(bundle)).toBe('bye bundle');
    expect(bundler.isFresh(entry, dist)).toBe(true);
  });

  it('counts a bundle as stale when a file it was built from is gone', () => {
    age(bundler.freshBundle(entry, dist), -10);
    writeFileSync(entry, "console.log('alone');\n");
    rmSync(helper);
    expect(bundler.isFresh(entry, dist)).toBe(false);
    expect(run(bundler.freshBundle(entry, dist))).toBe('alone');
  });

  it('fails with the compiler error on broken source, leaving no bundle behind', () => {
    writeFileSync(entry, 'const = ;\n');
    expect(() => bundler.build(entry, dist)).toThrow(/Build failed|Expected/);
    expect(bundler.isFresh(entry, dist)).toBe(false);
  });
});
