/**
 * The app's build step (docs/decisions/0001-component-bundles.md). HubSpot builds every
 * `src/app/*` folder on its own, from that folder's files and package.json, so engine code reaches
 * a component only through this script — never by hand:
 *
 * - **App functions**: esbuild bundles each handler (`src/app/functions/handlers/<name>.ts`, with
 *   the engine and zod) into the file its `*-hsmeta.json` names as entrypoint
 *   (`/app/functions/dist/<name>.js`). `@hubspot/api-client` stays external: HubSpot installs it
 *   from `src/app/functions/package.json`. The bundles are build output (git-ignored `dist/`),
 *   produced before `hs project upload`.
 * - **Cards, settings and pages**: HubSpot bundles these itself from the folder, so the engine
 *   modules they use (zod schemas, enumerations, shipped defaults, the function contract) and the
 *   helpers the UI folders share (`src/ui-shared/`) are copied with everything they import into
 *   `<folder>/generated/`, mirroring their path under `src/`. The copies are committed (the card
 *   must type-check and test on a fresh clone) and a test fails when they drift from their sources.
 *
 * Usage: `npx tsx scripts/build-app.ts` writes both; `--check` exits 1 when generated/ is stale
 * (writes nothing); `--functions-out <dir>` bundles the functions into <dir> only (tests);
 * `--profile <name>` builds the functions with `src/hsprofile.<name>.json`'s variables (the public
 * URLs the endpoint functions verify signatures against; `npm run deploy` passes it).
 * Tests run it as a child process: prettier's API loads its plugins with a dynamic import, which
 * Jest's CommonJS runtime refuses.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { readHsProfile } from '../src/engine/incremental/profile-file';
import type { ProfileVariables } from '../src/engine/incremental/profile-variables';

export const ROOT = path.resolve(__dirname, '..');

/** What each HubSpot-built UI folder needs from outside itself. Paths are relative to the repo root. */
export const SHARED_CODE: readonly { folder: string; entries: readonly string[] }[] = [
  {
    folder: 'src/app/cards',
    entries: [
      'src/engine/hubspot/kam-properties.ts',
      'src/engine/hubspot/explanation-schema.ts',
      'src/app/functions/contract/card.ts',
      'src/app/functions/contract/client.ts',
      'src/ui-shared/hooks/use-is-mounted.ts',
      'src/ui-shared/transport.ts',
      'src/ui-shared/test-utils/fetch-transport.ts',
      'src/ui-shared/test-utils/text-content.ts',
    ],
  },
  {
    folder: 'src/app/settings',
    entries: [
      'src/engine/settings/model-schema.ts',
      'src/engine/settings/default-model.ts',
      'src/engine/core/catalogue-texts.ts',
      'src/app/functions/contract/settings.ts',
      'src/app/functions/contract/client.ts',
      'src/ui-shared/hooks/use-is-mounted.ts',
      'src/ui-shared/transport.ts',
      'src/ui-shared/test-utils/fetch-transport.ts',
      'src/ui-shared/test-utils/text-content.ts',
    ],
  },
  {
    folder: 'src/app/pages',
    entries: ['src/ui-shared/test-utils/text-content.ts'],
  },
];

const GENERATED_DIR = 'generated';
const FUNCTIONS_DIR = 'src/app/functions';

export type GeneratedFile = { path: string; content: string };

const toPosix = (p: string): string => p.split(path.sep).join('/');
const absolute = (repoPath: string): string => path.join(ROOT, repoPath);

function resolveRelativeImport(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(absolute(fromFile)), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && candidate.endsWith('.ts'));
  if (!found) throw new Error(`${fromFile}: cannot resolve import '${specifier}'`);
  return toPosix(path.relative(ROOT, found));
}

/** The bare imports a copied module may keep: the ones the UI folder's own package.json provides. */
function packagesProvidedBy(folder: string): Set<string> {
  const pkg = JSON.parse(readFileSync(absolute(path.posix.join(folder, 'package.json')), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

/**
 * The entry modules plus every module they import, type-only imports included (esbuild drops
 * those, but the copies must type-check), refusing any package the UI folder does not provide.
 */
export function importClosure(folder: string, entries: readonly string[]): string[] {
  const provided = packagesProvidedBy(folder);
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(absolute(file), 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) {
        pending.push(resolveRelativeImport(file, specifier));
      } else if (!provided.has(specifier)) {
        throw new Error(`${file} imports '${specifier}', which ${folder}/package.json does not provide`);
      }
    }
  }
  return [...seen].sort();
}

function copyTarget(folder: string, source: string): string {
  return path.posix.join(folder, GENERATED_DIR, path.posix.relative('src', source));
}

function header(source: string): string {
  return `// GENERATED by scripts/build-app.ts from ${source}: do not edit; change the source and run \`npx tsx scripts/build-app.ts\`.\n`;
}

/** The UI folders that call Keystone and so pick a transport (src/ui-shared/transport.ts, copied into each). */
export const TRANSPORT_FOLDERS = ['src/app/cards', 'src/app/settings'] as const;
/** The profile variable naming `kam serve`'s public base URL when the UI calls it over `hubspot.fetch`. */
export const SERVE_URL_VARIABLE = 'KEYSTONE_SERVE_URL';

/**
 * `<folder>/transport-config.ts`: the serve URL from the profile, or null (app functions). Written
 * beside `generated/` (it copies no source); committed with null, rewritten by a build with a
 * profile that sets the variable, and checked by `--check` against the no-profile value.
 */
function transportConfig(profileVariables: ProfileVariables): string {
  const value = profileVariables[SERVE_URL_VARIABLE];
  const serveUrl = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  return [
    `// GENERATED by scripts/build-app.ts from the project profile's ${SERVE_URL_VARIABLE}: do not edit; build with \`--profile <name>\`.`,
    "/** `kam serve`'s public base URL when this folder calls Keystone over hubspot.fetch; null: app functions (hubspot.serverless). */",
    `export const KEYSTONE_SERVE_URL: string | null = ${JSON.stringify(serveUrl)};`,
    '',
  ].join('\n');
}

/** Every generated copy, formatted as prettier would leave it. */
export async function generatedSharedCode(profileVariables: ProfileVariables = {}): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const folder of TRANSPORT_FOLDERS) {
    const target = path.posix.join(folder, 'transport-config.ts');
    const options = (await prettier.resolveConfig(absolute(target))) ?? {};
    files.push({
      path: target,
      content: await prettier.format(transportConfig(profileVariables), {
        ...options,
        filepath: absolute(target),
      }),
    });
  }
  for (const { folder, entries } of SHARED_CODE) {
    for (const source of importClosure(folder, entries)) {
      const target = copyTarget(folder, source);
      const options = (await prettier.resolveConfig(absolute(target))) ?? {};
      const content = await prettier.format(header(source) + readFileSync(absolute(source), 'utf8'), {
        ...options,
        filepath: absolute(target),
      });
      files.push({ path: target, content });
    }
  }
  return files;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [toPosix(path.relative(ROOT, full))];
  });
}

/** Paths whose generated copy is missing, different from its source, or no longer needed. */
export async function staleSharedCode(): Promise<string[]> {
  const expected = await generatedSharedCode();
  const expectedPaths = new Set(expected.map((file) => file.path));
  const stale = expected
    .filter(
      (file) =>
        !existsSync(absolute(file.path)) || readFileSync(absolute(file.path), 'utf8') !== file.content,
    )
    .map((file) => file.path);
  for (const { folder } of SHARED_CODE) {
    for (const existing of filesUnder(absolute(path.posix.join(folder, GENERATED_DIR)))) {
      if (!expectedPaths.has(existing)) stale.push(existing);
    }
  }
  return stale.sort();
}

export async function writeSharedCode(profileVariables: ProfileVariables = {}): Promise<string[]> {
  const expected = await generatedSharedCode(profileVariables);
  for (const { folder } of SHARED_CODE)
    rmSync(absolute(path.posix.join(folder, GENERATED_DIR)), { recursive: true, force: true });
  for (const file of expected) {
    mkdirSync(path.dirname(absolute(file.path)), { recursive: true });
    writeFileSync(absolute(file.path), file.content);
  }
  return expected.map((file) => file.path);
}

type FunctionMeta = { uid: string; type: string; config: { entrypoint: string } };

/** Each app function: its uid, the handler it is built from and the bundle HubSpot runs. */
export function appFunctions(): { uid: string; handler: string; bundle: string }[] {
  if (!existsSync(absolute(FUNCTIONS_DIR))) return [];
  return readdirSync(absolute(FUNCTIONS_DIR))
    .filter((name) => name.endsWith('-hsmeta.json'))
    .map(
      (name) =>
        JSON.parse(readFileSync(absolute(path.posix.join(FUNCTIONS_DIR, name)), 'utf8')) as FunctionMeta,
    )
    .filter((meta) => meta.type === 'app-function')
    .map((meta) => {
      const match = /^\/app\/functions\/dist\/([a-z0-9-]+)\.js$/.exec(meta.config.entrypoint);
      if (!match) throw new Error(`${meta.uid}: entrypoint must be /app/functions/dist/<handler>.js`);
      return {
        uid: meta.uid,
        handler: `${FUNCTIONS_DIR}/handlers/${match[1]}.ts`,
        bundle: `${FUNCTIONS_DIR}/dist/${match[1]}.js`,
      };
    });
}

/**
 * Bundles every app function into `outDir` (default: the entrypoints' own `dist/`). Returns the
 * files written. Only packages listed in the functions' package.json may stay external.
 */
export async function bundleFunctions(
  outDir = absolute(`${FUNCTIONS_DIR}/dist`),
  profileVariables: ProfileVariables = {},
): Promise<string[]> {
  const functions = appFunctions();
  if (functions.length === 0) return [];
  const pkg = JSON.parse(readFileSync(absolute(`${FUNCTIONS_DIR}/package.json`), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const external = Object.keys(pkg.dependencies ?? {});
  const written: string[] = [];
  for (const fn of functions) {
    const outfile = path.join(outDir, path.basename(fn.bundle));
    await build({
      entryPoints: [absolute(fn.handler)],
      outfile,
      bundle: true,
      platform: 'node',
      // HubSpot's app-function runtime is Node 20 or later (design.md)
      target: 'node20',
      format: 'cjs',
      external,
      // the project profile's values (public URLs) the endpoint functions check signatures against
      define: { __KEYSTONE_PROFILE_VARIABLES__: JSON.stringify(profileVariables) },
      banner: { js: `// Built by scripts/build-app.ts from ${fn.handler}: do not edit.` },
      // Smaller bundles start faster; names stay so HubSpot's function logs show readable stacks.
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: true,
      logLevel: 'warning',
    });
    written.push(outfile);
  }
  return written;
}

/** `--profile <name>`: that project profile's variables; none without the flag. */
function profileVariablesOf(argv: readonly string[]): ProfileVariables {
  const index = argv.indexOf('--profile');
  if (index < 0) return {};
  const name = argv[index + 1];
  if (!name) throw new Error('--profile needs a profile name (src/hsprofile.<name>.json)');
  return readHsProfile(absolute('src'), name).variables;
}

async function main(argv: readonly string[]): Promise<number> {
  const profileVariables = profileVariablesOf(argv);
  const outIndex = argv.indexOf('--functions-out');
  if (outIndex >= 0) {
    const outDir = argv[outIndex + 1];
    if (!outDir) throw new Error('--functions-out needs a directory');
    const bundles = await bundleFunctions(path.resolve(outDir), profileVariables);
    process.stdout.write(`${bundles.join('\n')}\n`);
    return 0;
  }
  if (argv.includes('--check')) {
    const stale = await staleSharedCode();
    for (const file of stale) process.stderr.write(`stale: ${file}\n`);
    if (stale.length > 0) process.stderr.write('run `npx tsx scripts/build-app.ts` and commit the result\n');
    return stale.length === 0 ? 0 : 1;
  }
  const copies = await writeSharedCode(profileVariables);
  const bundles = await bundleFunctions(undefined, profileVariables);
  process.stdout.write(`generated ${copies.length} shared modules and ${bundles.length} function bundles\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`build-app: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
