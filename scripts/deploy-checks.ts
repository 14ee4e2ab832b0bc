/**
 * The import checks of `npm run deploy` (scripts/deploy.ts), apart so tests can load them without
 * the build's prettier: HubSpot builds each UI folder from its own files and package.json, and
 * installs only the functions' package.json dependencies.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const APP = path.join(ROOT, 'src', 'app');
const toPosix = (p: string): string => p.split(path.sep).join('/');

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.js', '.jsx', '/index.ts', '/index.tsx', '/index.js'];

function dependenciesOf(folder: string): Set<string> {
  const file = path.join(folder, 'package.json');
  if (!existsSync(file)) return new Set();
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');

/**
 * Problems in the import closure of a UI component's entrypoint: a relative import that leaves the
 * component folder (HubSpot builds each folder alone) or a package its package.json lacks.
 */
export function uiImportProblems(entrypointFile: string, appDir = APP): string[] {
  const folder = path.join(appDir, path.relative(appDir, entrypointFile).split(path.sep)[0] ?? '');
  const provided = dependenciesOf(folder);
  const problems: string[] = [];
  const seen = new Set<string>();
  const pending = [entrypointFile];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const from = toPosix(path.relative(ROOT, file));
      if (!specifier.startsWith('.')) {
        if (!provided.has(packageName(specifier)) && !specifier.endsWith('.css'))
          problems.push(
            `${from} imports '${specifier}', which ${toPosix(path.relative(ROOT, folder))}/package.json does not provide`,
          );
        continue;
      }
      const base = path.resolve(path.dirname(file), specifier);
      const resolved = RESOLVE_SUFFIXES.map((suffix) => base + suffix).find(
        (candidate) => existsSync(candidate) && !readdirSafe(candidate),
      );
      if (!resolved) {
        problems.push(`${from}: cannot resolve '${specifier}'`);
      } else if (!resolved.startsWith(folder + path.sep)) {
        problems.push(
          `${from} imports '${specifier}' from outside ${toPosix(path.relative(ROOT, folder))}/ (import shared code from @keystone/shared, src/shared/index.ts, decision 0001)`,
        );
      } else {
        pending.push(resolved);
      }
    }
  }
  return problems;
}

function readdirSafe(candidate: string): boolean {
  try {
    readdirSync(candidate);
    return true;
  } catch {
    return false;
  }
}

/** A function bundle may require only Node built-ins and its package.json's dependencies. */
export function bundleImportProblems(
  bundleFile: string,
  functionsDir = path.join(APP, 'functions'),
): string[] {
  const provided = dependenciesOf(functionsDir);
  const builtins = new Set(builtinModules);
  const text = readFileSync(bundleFile, 'utf8');
  const problems: string[] = [];
  for (const match of text.matchAll(/\brequire\((["'`])([^"'`]+)\1\)/g)) {
    const specifier = match[2] as string;
    const bare = specifier.replace(/^node:/, '');
    if (builtins.has(bare) || builtins.has(bare.split('/')[0] ?? '')) continue;
    if (specifier.startsWith('.') || !provided.has(packageName(specifier)))
      problems.push(
        `${toPosix(path.relative(ROOT, bundleFile))} requires '${specifier}', which HubSpot will not install`,
      );
  }
  return problems;
}
