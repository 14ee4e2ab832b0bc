/**
 * `npm run deploy [-- --profile <name>] [--dry-run] [--json]`: from a clean clone to an upload.
 *
 * 1. Reads the project profile `src/hsprofile.<name>.json` (`npx kam configure` writes it; with
 *    one profile present it is the default).
 * 2. Builds: the UI folders' generated engine copies and every function bundle, with the profile's
 *    variables (the endpoint functions verify signatures against the same public URLs HubSpot gets).
 * 3. Checks, and refuses on any failure: every hsmeta `entrypoint` exists; no UI component imports
 *    a file outside its own folder or a package its package.json lacks, and no function bundle
 *    requires anything but Node built-ins and its package.json's dependencies; HubSpot's own parser
 *    (`@hubspot/project-parsing-lib`, schemas skipped offline) accepts the project with the profile
 *    applied; no placeholder (`${...}` without a value, example domains, 555 numbers) is left.
 * 4. Lists every file `hs project upload` would send (HubSpot's own ignore rules), and the function
 *    entrypoints among them. `--dry-run` stops here.
 * 5. Checks that the HubSpot CLI (the pinned devDependency) has the profile's account
 *    authenticated, then runs `hs project upload --profile <name>`.
 *
 * `--profile-file <path>` reads the profile from elsewhere (dry runs and tests only: HubSpot's CLI
 * reads profiles from srcDir). Exit codes: 0 done, 1 a check failed, 2 bad usage, 3 the CLI is not
 * authenticated, else the CLI's own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isKeystoneError } from '../src/engine/errors';
import { listHsProfiles, parseHsProfile, readHsProfile } from '../src/engine/incremental/profile-file';
import {
  findPlaceholders,
  hsProfileFilename,
  resolveProfileTemplate,
  type HsProfile,
  type ProfileVariables,
} from '../src/engine/incremental/profile-variables';
import { bundleFunctions, ROOT, TRANSPORT_FOLDERS, writeSharedCode } from './build-app';
import { bundleImportProblems, uiImportProblems } from './deploy-checks';

const SRC = path.join(ROOT, 'src');
const APP = path.join(SRC, 'app');
const HS_BIN = path.join(ROOT, 'node_modules', '@hubspot', 'cli', 'bin', 'hs.js');

const toPosix = (p: string): string => p.split(path.sep).join('/');

export type DeployPlan = {
  profile: string | null;
  accountId: number | null;
  /** Paths relative to srcDir, as they are uploaded. */
  files: string[];
  entrypoints: { uid: string; entrypoint: string; exists: boolean }[];
  problems: string[];
};

class UsageError extends Error {}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
    return [full];
  });
}

type HsMeta = { uid: string; type: string; config?: { entrypoint?: string } & Record<string, unknown> };

function hsMetaFiles(): { file: string; meta: HsMeta }[] {
  return walk(APP)
    .filter((file) => file.endsWith('-hsmeta.json'))
    .map((file) => ({ file, meta: JSON.parse(readFileSync(file, 'utf8')) as HsMeta }));
}

function entrypointsOf(): DeployPlan['entrypoints'] {
  return hsMetaFiles()
    .filter(({ meta }) => typeof meta.config?.entrypoint === 'string')
    .map(({ meta }) => {
      const entrypoint = meta.config?.entrypoint as string;
      return { uid: meta.uid, entrypoint, exists: existsSync(path.join(SRC, entrypoint)) };
    })
    .sort((a, b) => a.entrypoint.localeCompare(b.entrypoint));
}

// Runs in a child Node process (the parser and the CLI's libraries are ES modules): HubSpot's
// parser over a staging copy of the hsmeta files, package.json files and the profile, and the
// CLI's own ignore rules over srcDir.
const PROJECT_SCRIPT = `
import path from 'node:path';
import { parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { shouldIgnoreFile } from '@hubspot/local-dev-lib/ignoreRules';
const input = JSON.parse(process.env.KEYSTONE_DEPLOY_INPUT);
const out = { nodes: [], skipped: [], error: null, uploaded: [] };
try {
  const config = parseProjectConfig(input.stageDir);
  const context = { projectSourceDir: path.join(input.stageDir, config.srcDir), platformVersion: config.platformVersion, accountId: input.accountId ?? undefined };
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate(context, { skipValidation: true, profile: input.profile ?? undefined });
  out.nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid).map((n) => ({ uid: n.uid, config: n.config }));
  out.skipped = skippedHsMetaFiles;
} catch (error) {
  out.error = error instanceof Error ? error.message : String(error);
}
out.uploaded = input.files.filter((file) => !shouldIgnoreFile(file, true));
process.stdout.write(JSON.stringify(out));
`;

type ProjectCheck = {
  nodes: { uid: string; config: unknown }[];
  skipped: string[];
  error: string | null;
  uploaded: string[];
};

function checkWithHubSpot(
  profile: { name: string; contents: HsProfile } | null,
  files: string[],
): ProjectCheck {
  const stageDir = mkdtempSync(path.join(tmpdir(), 'keystone-deploy-'));
  try {
    copyFileSync(path.join(ROOT, 'hsproject.json'), path.join(stageDir, 'hsproject.json'));
    for (const file of walk(APP).filter((f) => f.endsWith('-hsmeta.json') || f.endsWith('package.json'))) {
      const target = path.join(stageDir, 'src', path.relative(SRC, file));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
    if (profile) {
      const target = path.join(stageDir, 'src', hsProfileFilename(profile.name));
      writeFileSync(target, JSON.stringify(profile.contents));
    }
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', PROJECT_SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        KEYSTONE_DEPLOY_INPUT: JSON.stringify({
          stageDir,
          profile: profile?.name ?? null,
          accountId: profile?.contents.accountId ?? null,
          files,
        }),
      },
    });
    return JSON.parse(output) as ProjectCheck;
  } finally {
    rmSync(stageDir, { recursive: true, force: true });
  }
}

/** hsmeta config with the profile applied where it has values (when HubSpot's parser gave up). */
function applyProfile(value: unknown, variables: ProfileVariables): unknown {
  if (typeof value === 'string') return resolveProfileTemplate(value, variables) ?? value;
  if (Array.isArray(value)) return value.map((item) => applyProfile(item, variables));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, applyProfile(item, variables)]),
    );
  return value;
}

type Args = { dryRun: boolean; json: boolean; profile?: string; profileFile?: string };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { dryRun: false, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--profile' || arg === '--profile-file') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      if (arg === '--profile') args.profile = value;
      else args.profileFile = value;
      i += 1;
    } else throw new UsageError(`unknown option ${arg} (use --profile <name>, --dry-run, --json)`);
  }
  if (args.profileFile && !args.dryRun)
    throw new UsageError(
      '--profile-file is for dry runs: HubSpot’s CLI reads profiles from src/hsprofile.<name>.json',
    );
  return args;
}

function loadProfile(args: Args): { name: string; contents: HsProfile } | null {
  if (args.profileFile) {
    const name = /hsprofile\.([A-Za-z0-9_-]+)\.json$/.exec(args.profileFile)?.[1] ?? 'dryrun';
    return { name, contents: parseHsProfile(readFileSync(args.profileFile, 'utf8'), args.profileFile) };
  }
  if (args.profile) return { name: args.profile, contents: readHsProfile(SRC, args.profile) };
  const profiles = listHsProfiles(SRC);
  if (profiles.length === 1) {
    const name = profiles[0] as string;
    return { name, contents: readHsProfile(SRC, name) };
  }
  return null;
}

/**
 * A dry run leaves the working tree as it found it: the build writes each UI folder's
 * `transport-config.ts` for the profile (a serve URL), which a real upload needs and a dry run
 * must not leave behind for the next commit. Returns the function that puts them back.
 */
function keepTransportConfigs(): () => void {
  const saved = TRANSPORT_FOLDERS.map((folder) => {
    const file = path.join(ROOT, folder, 'transport-config.ts');
    return { file, text: existsSync(file) ? readFileSync(file, 'utf8') : null };
  });
  return () => {
    for (const { file, text } of saved) if (text !== null) writeFileSync(file, text);
  };
}

/** Steps 1–4: build, check, list. Never uploads. */
export async function planDeploy(args: Args, log: (line: string) => void): Promise<DeployPlan> {
  const profile = loadProfile(args);
  const problems: string[] = [];
  if (!profile) {
    const known = listHsProfiles(SRC);
    problems.push(
      known.length === 0
        ? 'no project profile: create one with `npx kam configure --profile prod --account <id> --target functions|serve --base-url https://…` (docs/deploy.md)'
        : `several project profiles (${known.join(', ')}): choose one with --profile <name>`,
    );
  }
  log(
    `building${profile ? ` with profile ${profile.name} (account ${profile.contents.accountId})` : ' without a profile'}…`,
  );
  await writeSharedCode(profile?.contents.variables ?? {});
  for (const bundle of await bundleFunctions(undefined, profile?.contents.variables ?? {}))
    problems.push(...bundleImportProblems(bundle));

  const entrypoints = entrypointsOf();
  for (const entry of entrypoints.filter((e) => !e.exists))
    problems.push(`${entry.uid}: entrypoint ${entry.entrypoint} does not exist after the build`);
  for (const entry of entrypoints.filter((e) => e.exists && !e.entrypoint.startsWith('/app/functions/')))
    problems.push(...uiImportProblems(path.join(SRC, entry.entrypoint)));

  const candidates = walk(SRC).map((file) => toPosix(path.relative(SRC, file)));
  const check = checkWithHubSpot(profile, candidates);
  if (check.error) problems.push(`HubSpot's parser: ${check.error}`);
  for (const skipped of check.skipped) problems.push(`HubSpot's parser skips ${skipped} (wrong folder)`);
  // the configuration HubSpot will receive, the profile applied by HubSpot's own parser
  const placeholders = check.error
    ? hsMetaFiles().flatMap(({ meta }) =>
        findPlaceholders(applyProfile(meta.config, profile?.contents.variables ?? {}), meta.uid),
      )
    : check.nodes.flatMap((node) => findPlaceholders(node.config, node.uid));
  for (const placeholder of placeholders)
    problems.push(`placeholder left: ${placeholder} — set it in the profile (npx kam configure)`);
  if (profile && check.uploaded.includes(hsProfileFilename(profile.name))) {
    // harmless (it holds no secret), but say so: it is uploaded with the source
    log(
      `note: ${hsProfileFilename(profile.name)} is uploaded with the source; it holds URLs and contacts, no secrets`,
    );
  }
  return {
    profile: profile?.name ?? null,
    accountId: profile?.contents.accountId ?? null,
    files: check.uploaded.sort(),
    entrypoints,
    problems,
  };
}

// Asks the HubSpot CLI's own configuration whether it holds the profile's account.
const AUTH_SCRIPT = `
import { getConfigAccountById } from '@hubspot/local-dev-lib/config';
try {
  const account = getConfigAccountById(Number(process.env.KEYSTONE_DEPLOY_ACCOUNT));
  process.stdout.write(JSON.stringify({ ok: true, name: account.name ?? null }));
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, reason: error instanceof Error ? error.message : String(error) }));
}
`;

export function cliAuthentication(accountId: number): { ok: true } | { ok: false; reason: string } {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', AUTH_SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KEYSTONE_DEPLOY_ACCOUNT: String(accountId) },
  });
  return JSON.parse(output) as { ok: true } | { ok: false; reason: string };
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`deploy: ${(error as Error).message}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const restoreTransportConfigs = args.dryRun ? keepTransportConfigs() : null;
  let plan: DeployPlan;
  try {
    plan = await planDeploy(args, log);
  } finally {
    restoreTransportConfigs?.();
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  } else {
    process.stdout.write(`${plan.files.length} files would upload from src/:\n`);
    for (const file of plan.files) process.stdout.write(`  ${file}\n`);
    process.stdout.write(`${plan.entrypoints.length} entrypoints:\n`);
    for (const entry of plan.entrypoints)
      process.stdout.write(`  ${entry.exists ? 'ok     ' : 'MISSING'} ${entry.entrypoint} (${entry.uid})\n`);
  }
  if (plan.problems.length > 0) {
    for (const problem of plan.problems) process.stderr.write(`deploy: ${problem}\n`);
    process.stderr.write(`deploy: refused (${plan.problems.length} problem(s)); nothing was uploaded\n`);
    return 1;
  }
  if (args.dryRun) {
    log(
      `dry run: all checks passed; \`npm run deploy -- --profile ${plan.profile}\` would upload these files`,
    );
    return 0;
  }
  const auth = cliAuthentication(plan.accountId as number);
  if (!auth.ok) {
    process.stderr.write(
      `deploy: the HubSpot CLI is not authenticated for account ${plan.accountId} (${hsProfileFilename(plan.profile as string)}): ` +
        `run \`npx hs account auth\` and sign in to that account, then deploy again. (${auth.reason.split('\n')[0]})\n`,
    );
    return 3;
  }
  const result = spawnSync(
    process.execPath,
    [HS_BIN, 'project', 'upload', '--profile', plan.profile as string],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  return result.status ?? 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = isKeystoneError(error)
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
      process.stderr.write(`deploy: ${message}\n`);
      process.exit(isKeystoneError(error) ? 2 : 1);
    },
  );
}
