/**
 * HubSpot's own parser (`@hubspot/project-parsing-lib`, the code `hs project upload` runs before it
 * sends anything) must accept the project and find every component. The expected components are
 * read from the `*-hsmeta.json` files on disk, so the test grows with the project.
 *
 * The parser ships only ES modules and pulls in a tree of ESM dependencies, so it runs in a child
 * Node process instead of through Jest's CommonJS transform. Full schema validation needs a HubSpot
 * account (the parser fetches the schemas per account), hence `skipValidation: true`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../src/app/functions/contract/common';

const ROOT = path.resolve(__dirname, '..');
const APP_DIR = path.join(ROOT, 'src', 'app');

type HsMeta = { file: string; uid: string; type: string; config: Record<string, unknown> };
type ParsedNode = { uid: string; type: string; metaFilePath: string; config: Record<string, unknown> };
type ParseResult = {
  config: { name: string; srcDir: string; platformVersion: string };
  nodes: ParsedNode[];
  skippedHsMetaFiles: string[];
  allowedTopLevelFields: string[];
  componentDirs: Record<string, string>;
};

// Runs inside the child process: parse hsproject.json, translate the source tree, and report the
// parser's own rules (allowed top-level fields, the folder of each component type) so the checks
// below use HubSpot's tables rather than a copy of them.
const PARSE_SCRIPT = `
import path from 'node:path';
import { parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { mapToUserFacingType } from '@hubspot/project-parsing-lib/transform';
import { ALLOWED_TOP_LEVEL_FIELDS, Components } from '@hubspot/project-parsing-lib/constants';
const projectDir = process.cwd();
const config = parseProjectConfig(projectDir);
const context = { projectSourceDir: path.join(projectDir, config.srcDir), platformVersion: config.platformVersion };
const { intermediateRepresentation, skippedHsMetaFiles } = await translate(context, { skipValidation: true });
const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid).map((node) => ({
  uid: node.uid,
  type: mapToUserFacingType(node.componentType),
  metaFilePath: node.metaFilePath,
  config: node.config,
}));
const componentDirs = Object.fromEntries(
  Object.entries(Components).map(([type, c]) => [type, c.parentComponent ? c.parentComponent + '/' + c.dir : c.dir]),
);
const allowedTopLevelFields = [...ALLOWED_TOP_LEVEL_FIELDS];
process.stdout.write(JSON.stringify({ config, nodes, skippedHsMetaFiles, allowedTopLevelFields, componentDirs }));
`;

function parseWithHubSpot(): ParseResult {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', PARSE_SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(output) as ParseResult;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function hsMetaFilesOnDisk(): HsMeta[] {
  return walk(APP_DIR)
    .filter((file) => file.endsWith('-hsmeta.json'))
    .map((file) => {
      const meta = JSON.parse(readFileSync(file, 'utf8')) as Omit<HsMeta, 'file'>;
      return { ...meta, file: path.relative(path.join(ROOT, 'src'), file).split(path.sep).join('/') };
    });
}

/** Folders under src/app that hold code HubSpot builds (everything but the app's own hsmeta). */
function componentFoldersWithCode(): string[] {
  return readdirSync(APP_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(APP_DIR, entry.name))
    .filter((dir) => walk(dir).some((file) => /\.(tsx?|jsx?)$/.test(file)));
}

const parsed = parseWithHubSpot();
const onDisk = hsMetaFilesOnDisk();

describe('HubSpot project', () => {
  test('hsproject.json is accepted by HubSpot’s parser with platform 2026.03 and srcDir src', () => {
    expect(parsed.config).toEqual({ name: 'keystone', srcDir: 'src', platformVersion: '2026.03' });
  });

  test('no *-hsmeta.json file is skipped for sitting in a folder HubSpot does not scan', () => {
    expect(parsed.skippedHsMetaFiles).toEqual([]);
  });

  test('every *-hsmeta.json on disk becomes a component with its uid, type and file', () => {
    const found = parsed.nodes
      .filter((node) => node.type !== 'serverless-package')
      .map(({ uid, type, metaFilePath }) => ({ uid, type, file: metaFilePath }));
    const expected = onDisk.map(({ uid, type, file }) => ({ uid, type, file }));
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found).toHaveLength(expected.length);
  });

  test('every *-hsmeta.json has only the top-level fields and the folder HubSpot’s parser allows for its type', () => {
    for (const meta of onDisk) {
      const raw = JSON.parse(readFileSync(path.join(ROOT, 'src', meta.file), 'utf8')) as Record<
        string,
        unknown
      >;
      expect({
        file: meta.file,
        fields: Object.keys(raw).filter((f) => !parsed.allowedTopLevelFields.includes(f)),
      }).toEqual({
        file: meta.file,
        fields: [],
      });
      expect({ file: meta.file, dir: path.posix.dirname(meta.file) }).toEqual({
        file: meta.file,
        dir: parsed.componentDirs[meta.type],
      });
    }
  });

  test('there is exactly one app component and at most one settings component', () => {
    expect(onDisk.filter((meta) => meta.type === 'app')).toHaveLength(1);
    expect(onDisk.filter((meta) => meta.type === 'settings').length).toBeLessThanOrEqual(1);
  });

  test('uids are snake_case and unique', () => {
    const uids = onDisk.map((meta) => meta.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  test('app functions get the serverless package HubSpot builds from functions/package.json', () => {
    const hasFunctions = onDisk.some((meta) => meta.type === 'app-function');
    const serverlessPackage = parsed.nodes.find((node) => node.type === 'serverless-package');
    if (!hasFunctions) {
      expect(serverlessPackage).toBeUndefined();
      return;
    }
    expect(serverlessPackage?.config).toMatchObject({ packageFile: 'app/functions/package.json' });
  });

  test('every function the card and the settings page call is an app function of the project', () => {
    const functionUids = onDisk.filter((meta) => meta.type === 'app-function').map((meta) => meta.uid);
    expect(functionUids).toEqual(expect.arrayContaining(Object.values(FUNCTION_NAMES)));
  });

  test('every component folder with code has its own package.json with a unique name and pinned versions', () => {
    const PINNED: Record<string, string> = {
      react: '18.3.1',
      '@hubspot/ui-extensions': '0.17.0',
      '@hubspot/api-client': '14.0.1',
    };
    const names = componentFoldersWithCode().map((dir) => {
      const file = path.join(dir, 'package.json');
      expect(existsSync(file)).toBe(true);
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
      };
      for (const [dependency, version] of Object.entries(pkg.dependencies ?? {})) {
        // the one local package: the folder's own bundle of src/shared (decision 0001), inside the folder
        if (dependency === '@keystone/shared') {
          expect(version).toBe('file:./generated/keystone-shared');
          expect(existsSync(path.join(dir, 'generated', 'keystone-shared', 'package.json'))).toBe(true);
          continue;
        }
        expect(`${dependency}@${version}`).toMatch(/@\d+\.\d+\.\d+$/);
        if (PINNED[dependency])
          expect(`${dependency}@${version}`).toBe(`${dependency}@${PINNED[dependency]}`);
      }
      return pkg.name;
    });
    expect(new Set(names).size).toBe(names.length);
  });
});
