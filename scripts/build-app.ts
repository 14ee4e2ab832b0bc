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
 * - **Cards, settings and pages**: HubSpot bundles these itself, each from its own folder, so the
 *   shared code they import by one name, `@keystone/shared` (`src/shared/index.ts`: function
 *   contracts, enumerations, property catalogue, catalogue texts, explanation and model schemas,
 *   transport, UI hooks), is bundled per folder into `<folder>/generated/keystone-shared/` (an ES
 *   module cut to the names that folder's production files import, its .d.ts and a package.json),
 *   which the folder's package.json lists as `"@keystone/shared": "file:./generated/keystone-shared"`.
 *   The packages are committed (HubSpot builds from the uploaded files; a fresh clone type-checks)
 *   and `--check` fails when one differs from what its sources build. Type-check and jest read the
 *   source (tsconfig `paths`, jest `moduleNameMapper`).
 *
 * Usage: `npm run build:app` writes both; `--check` exits 1 when generated/ or transport-config.ts
 * is stale or a folder's package.json does not list its package (writes nothing); `--functions-out <dir>` bundles the functions into <dir> only (tests);
 * `--profile <name>` builds the functions with `src/hsprofile.<name>.json`'s variables (the public
 * URLs the endpoint functions verify signatures against; `npm run deploy` passes it).
 * Tests run it as a child process: prettier's API loads its plugins with a dynamic import, which
 * Jest's CommonJS runtime refuses.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { readHsProfile } from '../src/engine/incremental/profile-file';
import type { ProfileVariables } from '../src/engine/incremental/profile-variables';

export const ROOT = path.resolve(__dirname, '..');

/** The one name the UI folders import shared code by, and its source (tsconfig `paths`, jest `moduleNameMapper`). */
export const SHARED_PACKAGE = '@keystone/shared';
export const SHARED_ENTRY = 'src/shared/index.ts';
/** The HubSpot-built folders that receive `@keystone/shared`. */
export const UI_FOLDERS = ['src/app/cards', 'src/app/settings', 'src/app/pages'] as const;

const GENERATED_DIR = 'generated';
/** Inside each UI folder: the bundled package its package.json lists as `file:./generated/keystone-shared`. */
export const SHARED_PACKAGE_DIR = `${GENERATED_DIR}/keystone-shared`;
export const SHARED_DEPENDENCY = `file:./${SHARED_PACKAGE_DIR}`;
const FUNCTIONS_DIR = 'src/app/functions';

export type GeneratedFile = { path: string; content: string };

const toPosix = (p: string): string => p.split(path.sep).join('/');
const absolute = (repoPath: string): string => path.join(ROOT, repoPath);

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');

function folderDependencies(folder: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(absolute(path.posix.join(folder, 'package.json')), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return pkg.dependencies ?? {};
}

/** The registry packages a folder's bundle may leave to HubSpot's install: its package.json's, less itself. */
function packagesProvidedBy(folder: string): Set<string> {
  return new Set(Object.keys(folderDependencies(folder)).filter((name) => name !== SHARED_PACKAGE));
}

/** A UI folder's production sources: what HubSpot bundles (tests and their fixtures stay out). */
function productionSources(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory())
        return ['node_modules', GENERATED_DIR, 'test-utils', 'dist'].includes(entry.name) ? [] : walk(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });
  return walk(absolute(folder)).sort();
}

/**
 * The names a folder's production files import from `@keystone/shared`, from their import and
 * export declarations. A namespace or default import is refused (the bundle is cut to the names
 * used), and so is the jest-only `@keystone/shared/test-utils`.
 */
export function sharedNamesUsedBy(folder: string): string[] {
  const names = new Set<string>();
  for (const file of productionSources(folder)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = toPosix(path.relative(ROOT, file));
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const moduleSpecifier = statement.moduleSpecifier;
      if (moduleSpecifier === undefined || !ts.isStringLiteral(moduleSpecifier)) continue;
      const specifier = moduleSpecifier.text;
      if (specifier.startsWith(`${SHARED_PACKAGE}/`))
        throw new Error(
          `${where} imports '${specifier}': only '${SHARED_PACKAGE}' ships (test helpers stay in tests)`,
        );
      if (specifier !== SHARED_PACKAGE) continue;
      const bindings = ts.isImportDeclaration(statement)
        ? statement.importClause?.namedBindings
        : statement.exportClause;
      const isDefault = ts.isImportDeclaration(statement) && statement.importClause?.name !== undefined;
      if (
        isDefault ||
        bindings === undefined ||
        ts.isNamespaceImport(bindings) ||
        ts.isNamespaceExport(bindings)
      )
        throw new Error(
          `${where}: import named bindings from '${SHARED_PACKAGE}' (its bundle holds only the names used)`,
        );
      for (const element of bindings.elements) names.add((element.propertyName ?? element.name).text);
    }
  }
  return [...names].sort();
}

type SharedExport = {
  kind: 'value' | 'type';
  /** repo path of the module that declares it, without extension */ home: string;
};

/**
 * `@keystone/shared` compiled once: every export (value or type only, and the module that declares
 * it) and the declaration file of every module it reaches (`src/….d.ts` → text). One TypeScript
 * program for all folders: declaration emit type-checks the closure, the slow part of the build.
 */
export type SharedDeclarations = { exports: Map<string, SharedExport>; files: Map<string, string> };

export function sharedDeclarations(): SharedDeclarations {
  const program = ts.createProgram([absolute(SHARED_ENTRY)], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noUncheckedIndexedAccess: true,
    esModuleInterop: true,
    isolatedModules: true,
    skipLibCheck: true,
    declaration: true,
    emitDeclarationOnly: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(absolute(SHARED_ENTRY));
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol) throw new Error(`${SHARED_ENTRY}: not a module`);
  const exports = new Map<string, SharedExport>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    if (!declaration) throw new Error(`${SHARED_ENTRY}: cannot find where ${symbol.name} is declared`);
    exports.set(symbol.name, {
      kind: target.flags & ts.SymbolFlags.Value ? 'value' : 'type',
      home: toPosix(path.relative(ROOT, declaration.getSourceFile().fileName)).replace(/\.tsx?$/, ''),
    });
  }
  const files = new Map<string, string>();
  const emitted = program.emit(
    undefined,
    (fileName, text) => files.set(toPosix(path.relative(ROOT, fileName)), text),
    undefined,
    true,
  );
  const errors = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
  if (errors.length > 0)
    throw new Error(
      ts.formatDiagnostics(errors, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      }),
    );
  return { exports, files };
}

/** The names a folder uses, as `@keystone/shared` exports them; refuses a name it does not export. */
function exportsUsedBy(folder: string, shared: SharedDeclarations): Map<string, SharedExport> {
  const used = new Map<string, SharedExport>();
  const missing: string[] = [];
  for (const name of sharedNamesUsedBy(folder)) {
    const found = shared.exports.get(name);
    if (found) used.set(name, found);
    else missing.push(name);
  }
  if (missing.length > 0)
    throw new Error(`${folder} imports ${missing.join(', ')}, which ${SHARED_ENTRY} does not export`);
  return used;
}

/** The JavaScript entry: the folder's value names, re-exported from `src/shared`. */
function valueEntrySource(used: ReadonlyMap<string, SharedExport>): string {
  const values = [...used].filter(([, e]) => e.kind === 'value').map(([name]) => name);
  return values.length === 0 ? 'export {};\n' : `export { ${values.join(', ')} } from './${SHARED_ENTRY}';\n`;
}

const DECLARATIONS_DIR = 'types';
/** Where a module's declaration file goes inside the package: `types/<path under src>.d.ts`. */
const declarationTarget = (repoDts: string): string =>
  path.posix.join(DECLARATIONS_DIR, path.posix.relative('src', repoDts));

/**
 * The package's declarations: `index.d.ts` re-exports each name the folder uses from the module
 * that declares it, and `types/` holds those modules' declaration files and what they import.
 */
function packageDeclarations(
  used: ReadonlyMap<string, SharedExport>,
  shared: SharedDeclarations,
): Map<string, string> {
  const byHome = new Map<string, string[]>();
  for (const [name, { kind, home }] of used) {
    byHome.set(home, [...(byHome.get(home) ?? []), kind === 'type' ? `type ${name}` : name]);
  }
  const index = [...byHome]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([home, names]) =>
        `export { ${names.join(', ')} } from './${declarationTarget(home).replace(/\.d$/, '')}';`,
    )
    .join('\n');
  const out = new Map<string, string>([['index.d.ts', `${index}\n`]]);
  const pending = [...byHome.keys()].map((home) => `${home}.d.ts`);
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (out.has(declarationTarget(file))) continue;
    const text = shared.files.get(file);
    if (text === undefined) throw new Error(`no declarations for ${file}`);
    out.set(declarationTarget(file), text);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = path.posix.join(path.posix.dirname(file), fileName).replace(/\.js$/, '');
      const found = [`${base}.d.ts`, `${base}/index.d.ts`].find((candidate) => shared.files.has(candidate));
      if (!found) throw new Error(`${file}: cannot resolve '${fileName}' among the declarations`);
      pending.push(found);
    }
  }
  return out;
}

/**
 * esbuild: every package import stays an import (checked against the folder's package.json once
 * the bundle is cut); every module of src/ counts as free of side effects, so the bundle keeps only
 * what the folder's names need.
 */
const sharedModulesPlugin: Plugin = {
  name: 'keystone-shared-modules',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return result.errors.length > 0 ? { errors: result.errors } : { path: result.path, sideEffects: false };
    });
  },
};

/** A package the bundle or its declarations still import that the folder's package.json does not list. */
function unprovided(folder: string, file: string, specifiers: readonly string[]): void {
  const provided = packagesProvidedBy(folder);
  const missing = specifiers.filter((specifier) => !provided.has(packageName(specifier)));
  if (missing.length > 0)
    throw new Error(
      `${file} imports ${missing.map((m) => `'${m}'`).join(', ')}, which ${folder}/package.json does not provide`,
    );
}

function header(folder: string): string {
  return `// GENERATED by scripts/build-app.ts from ${SHARED_ENTRY} for ${folder}: do not edit; change the source and run \`npm run build:app\`.\n`;
}

async function formatted(target: string, content: string): Promise<GeneratedFile> {
  const options = (await prettier.resolveConfig(absolute(target))) ?? {};
  return {
    path: target,
    content: await prettier.format(content, { ...options, filepath: absolute(target) }),
  };
}

/**
 * The `@keystone/shared` package of one UI folder: package.json, the ES module bundle cut to the
 * values the folder uses, and its declarations. Not run through prettier (.prettierignore): the
 * drift check compares what esbuild and TypeScript write.
 */
export async function sharedPackage(folder: string, shared: SharedDeclarations): Promise<GeneratedFile[]> {
  const used = exportsUsedBy(folder, shared);
  if (used.size === 0) return [];
  const dir = path.posix.join(folder, SHARED_PACKAGE_DIR);
  const bundled = await build({
    stdin: {
      contents: valueEntrySource(used),
      resolveDir: ROOT,
      sourcefile: `${dir}/entry.ts`,
      loader: 'ts',
    },
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    // what HubSpot's UI build (Vite) takes in; it compiles the folder again for the browser
    target: 'es2020',
    jsx: 'automatic',
    legalComments: 'none',
    plugins: [sharedModulesPlugin],
    metafile: true,
    logLevel: 'silent',
  });
  const js = bundled.outputFiles[0]?.text ?? '';
  const imports = Object.values(bundled.metafile.outputs).flatMap((output) =>
    output.imports.map((i) => i.path),
  );
  unprovided(folder, `${dir}/index.js`, imports);

  const files: GeneratedFile[] = [];
  // Declarations may name a package the folder does not install (the portfolio types reach the
  // engine's gateway types, which name @hubspot/api-client): types the folder's names never use,
  // left unresolved under skipLibCheck. tests/integration/app/build-app.test.ts type-checks each
  // folder with its own tsconfig against its package.
  for (const [file, text] of packageDeclarations(used, shared))
    files.push({ path: `${dir}/${file}`, content: header(folder) + text });
  const manifest = {
    name: SHARED_PACKAGE,
    version: '0.0.0',
    private: true,
    description: `GENERATED by scripts/build-app.ts from ${SHARED_ENTRY}: the shared code ${folder} imports. Do not edit.`,
    type: 'module',
    main: 'index.js',
    types: 'index.d.ts',
    sideEffects: false,
  };
  files.push({ path: `${dir}/package.json`, content: `${JSON.stringify(manifest, null, 2)}\n` });
  files.push({ path: `${dir}/index.js`, content: header(folder) + js });
  return files.sort((x, y) => x.path.localeCompare(y.path));
}

/** The UI folders that call Keystone and so pick a transport (`chooseFunctionRunner` from `@keystone/shared`). */
export const TRANSPORT_FOLDERS = ['src/app/cards', 'src/app/settings', 'src/app/pages'] as const;
/** The profile variable naming `kam serve`'s public base URL when the UI calls it over `hubspot.fetch`. */
export const SERVE_URL_VARIABLE = 'KEYSTONE_SERVE_URL';

/**
 * `<folder>/transport-config.ts`: the serve URL from the profile, or null (app functions). Written
 * beside `generated/`; committed with null, rewritten by a build with a profile that sets the
 * variable, and checked by `--check` against the no-profile value.
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

/** Every generated file, formatted as prettier would leave it. */
export async function generatedSharedCode(profileVariables: ProfileVariables = {}): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const folder of TRANSPORT_FOLDERS)
    files.push(
      await formatted(path.posix.join(folder, 'transport-config.ts'), transportConfig(profileVariables)),
    );
  const shared = sharedDeclarations();
  for (const folder of UI_FOLDERS) files.push(...(await sharedPackage(folder, shared)));
  return files;
}

/** Problems in how a UI folder's package.json lists `@keystone/shared` (exactly when it has one). */
export function sharedDependencyProblems(folder: string, hasPackage: boolean): string[] {
  const listed = folderDependencies(folder)[SHARED_PACKAGE];
  if (hasPackage && listed !== SHARED_DEPENDENCY)
    return [`${folder}/package.json: dependencies must list "${SHARED_PACKAGE}": "${SHARED_DEPENDENCY}"`];
  if (!hasPackage && listed !== undefined)
    return [`${folder}/package.json: lists ${SHARED_PACKAGE} but imports nothing from it`];
  return [];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [toPosix(path.relative(ROOT, full))];
  });
}

/**
 * What `--check` finds: generated files missing, different from what the build writes, or no
 * longer needed; and a UI folder's package.json that does not list its package as it should.
 */
export async function checkSharedCode(): Promise<{ stale: string[]; problems: string[] }> {
  const expected = await generatedSharedCode();
  const expectedPaths = new Set(expected.map((file) => file.path));
  const stale = expected
    .filter(
      (file) =>
        !existsSync(absolute(file.path)) || readFileSync(absolute(file.path), 'utf8') !== file.content,
    )
    .map((file) => file.path);
  for (const folder of UI_FOLDERS) {
    for (const existing of filesUnder(absolute(path.posix.join(folder, GENERATED_DIR)))) {
      if (!expectedPaths.has(existing)) stale.push(existing);
    }
  }
  return { stale: stale.sort(), problems: dependencyProblems(expected) };
}

function dependencyProblems(expected: readonly GeneratedFile[]): string[] {
  return UI_FOLDERS.flatMap((folder) =>
    sharedDependencyProblems(
      folder,
      expected.some((file) => file.path.startsWith(`${folder}/${SHARED_PACKAGE_DIR}/`)),
    ),
  );
}

/** Writes every generated file; throws when a UI folder's package.json does not list its package. */
export async function writeSharedCode(profileVariables: ProfileVariables = {}): Promise<string[]> {
  const expected = await generatedSharedCode(profileVariables);
  const problems = dependencyProblems(expected);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  for (const folder of UI_FOLDERS)
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
    const { stale, problems } = await checkSharedCode();
    for (const file of stale) process.stderr.write(`stale: ${file}\n`);
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    if (stale.length > 0) process.stderr.write('run `npm run build:app` and commit the result\n');
    return stale.length === 0 && problems.length === 0 ? 0 : 1;
  }
  const copies = await writeSharedCode(profileVariables);
  const bundles = await bundleFunctions(undefined, profileVariables);
  process.stdout.write(`generated ${copies.length} files and ${bundles.length} function bundles\n`);
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
