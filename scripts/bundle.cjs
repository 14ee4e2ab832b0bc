'use strict';
/**
 * One esbuild bundle per entry point (the `kam` CLI, the benchmarks), kept in dist/ and rebuilt
 * when any file that went into it has changed since.
 *
 * Why: run through tsx, every TypeScript module is loaded on its own and every imported function
 * is reached through an export getter, which V8 cannot always inline. Bundled into one scope,
 * the scoring core runs ~25% faster (bench/score.bench.ts). Dependencies stay external: they are
 * loaded from node_modules, as before.
 *
 * Plain CommonJS on purpose: bin/kam.cjs needs it before any TypeScript can be loaded.
 *
 *   node scripts/bundle.cjs                      builds the CLI bundle (npm's prepare step)
 *   node scripts/bundle.cjs --run <entry.ts> …   builds if stale, then runs it with the arguments
 */
const { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CLI_ENTRY = 'cli/main.ts';

/** Where an entry's bundle and the list of files it was built from live (`dist` is for tests). */
function pathsOf(entry, dist = DIST) {
  const name = entry === CLI_ENTRY ? 'kam' : path.basename(entry).replace(/\.tsx?$/, '');
  return {
    bundle: path.join(dist, `${name}.cjs`),
    inputs: path.join(dist, `${name}.inputs.json`),
  };
}

/** True when the bundle exists and no file that went into it is newer (or gone). */
function isFresh(entry, dist = DIST) {
  const { bundle, inputs } = pathsOf(entry, dist);
  let builtAt;
  let files;
  try {
    builtAt = statSync(bundle).mtimeMs;
    files = JSON.parse(readFileSync(inputs, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(files) || files.length === 0) return false;
  for (const file of files) {
    try {
      if (statSync(path.join(ROOT, file)).mtimeMs > builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Builds an entry's bundle (source map beside it); returns the bundle's path. */
function build(entry, dist = DIST) {
  const { bundle, inputs } = pathsOf(entry, dist);
  // stamped with the time the build started, so an edit made while it ran still counts as newer
  const startedAt = new Date();
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(dist, { recursive: true });
  // written under temporary names and renamed: two processes building at once (parallel tests)
  // never leave a half-written bundle
  const temporary = `.${process.pid}.tmp`;
  const renames = [];
  for (const file of result.outputFiles) {
    writeFileSync(file.path + temporary, file.contents);
    renames.push(file.path);
  }
  writeFileSync(inputs + temporary, JSON.stringify(Object.keys(result.metafile.inputs).sort(), null, 1));
  renames.push(inputs);
  for (const file of renames) {
    utimesSync(file + temporary, startedAt, startedAt);
    renameSync(file + temporary, file);
  }
  return bundle;
}

/** The path of an up-to-date bundle of `entry` (a path relative to the repository), building it if needed. */
function freshBundle(entry, dist = DIST) {
  return isFresh(entry, dist) ? pathsOf(entry, dist).bundle : build(entry, dist);
}

/** Runs a bundled entry in this process, as if node had been started on it with `args`. */
function runBundled(entry, args) {
  const bundle = freshBundle(entry);
  process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0], bundle, ...args];
  require(bundle);
}

module.exports = { CLI_ENTRY, build, freshBundle, isFresh, pathsOf, runBundled };

if (require.main === module) {
  const [flag, entry, ...args] = process.argv.slice(2);
  if (flag === '--run' && entry !== undefined) {
    runBundled(entry, args);
  } else if (flag === undefined) {
    const bundle = build(CLI_ENTRY);
    console.log(`built ${path.relative(ROOT, bundle)}`);
  } else {
    console.error('usage: node scripts/bundle.cjs [--run <entry.ts> [args…]]');
    process.exit(2);
  }
}
