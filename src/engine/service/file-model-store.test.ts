/** The file model store on its own: versions, concurrent saves, and what it refuses to read. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKeystoneError } from '../errors';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import type { ScoringModel } from '../settings/model-schema';
import { createFileModelStore, MODEL_STORE_FILE } from './file-model-store';

const ADMIN = { userId: '7001', userEmail: 'admin@example.com' };
const withKey = (key: number): ScoringModel => ({
  ...DEFAULT_SCORING_MODEL,
  tiers: { ...DEFAULT_SCORING_MODEL.tiers, key },
});

function freshFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'kam-model-file-')), 'state', MODEL_STORE_FILE);
}

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return isKeystoneError(error) ? error.code : error;
}

describe('file model store', () => {
  test('with no file there is no model and no history; nothing is created by reading', async () => {
    const file = freshFile();
    const store = createFileModelStore(file);
    await expect(store.getActive()).resolves.toBeNull();
    await expect(store.history(10)).resolves.toEqual([]);
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  test('concurrent saves each get their own version, exactly one active', async () => {
    const store = createFileModelStore(freshFile(), () => new Date('2026-03-02T09:00:00.000Z'));
    const saved = await Promise.all(
      [70, 75, 80, 85].map((key) => store.save(withKey(key), { ...ADMIN, note: `key ${key}` })),
    );
    expect(saved.map((version) => version.version)).toEqual(['v1', 'v2', 'v3', 'v4']);
    const history = await store.history(10);
    expect(history.map((version) => [version.version, version.isActive])).toEqual([
      ['v4', true],
      ['v3', false],
      ['v2', false],
      ['v1', false],
    ]);
    await expect(store.getActive()).resolves.toMatchObject({ version: 'v4', model: { tiers: { key: 85 } } });
  });

  test('a version edited by hand into an invalid model is listed with its paths and never used', async () => {
    const file = freshFile();
    const store = createFileModelStore(file);
    await store.save(withKey(80), { ...ADMIN, note: '' });
    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      versions: { model: { tiers: { key: number } } }[];
    };
    document.versions[0]!.model.tiers.key = 10;
    writeFileSync(file, JSON.stringify(document));
    await expect(codeOf(store.getActive())).resolves.toBe('settings.stored_model_invalid');
    const [version] = await store.history(10);
    expect(version).toMatchObject({
      isValid: false,
      issues: [expect.objectContaining({ path: 'tiers.key' })],
    });
    await expect(codeOf(store.rollback(version!.versionId, ADMIN))).resolves.toBe(
      'settings.stored_model_invalid',
    );
  });

  test('a file that is not a model store is refused by every operation, and a save does not replace it', async () => {
    const file = freshFile();
    const store = createFileModelStore(file);
    await store.save(withKey(80), { ...ADMIN, note: '' });
    writeFileSync(file, '{"versions": "lost"}');
    for (const attempt of [
      () => store.getActive(),
      () => store.history(5),
      () => store.save(withKey(70), { ...ADMIN, note: '' }),
      () => store.rollback('1', ADMIN),
    ])
      await expect(codeOf(attempt())).resolves.toBe('settings.store_unavailable');
    expect(readFileSync(file, 'utf8')).toBe('{"versions": "lost"}');
  });
});
