import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKeystoneError } from '../src/engine/errors';
import { readSnapshotFile, streamSnapshotFile } from './input-files';

const dir = mkdtempSync(join(tmpdir(), 'kam-input-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const company = (id: string) => ({ id, properties: { name: `Company ${id}` } });

function errorCodeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isKeystoneError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a KeystoneError, nothing was thrown');
}

test('streams the companies of a file in order, and again on a second pass', () => {
  const path = join(dir, 'ok.json');
  const companies = Array.from({ length: 50 }, (_, index) => company(String(index + 1)));
  writeFileSync(path, JSON.stringify({ schemaVersion: 1, takenAt: '2026-06-01T00:00:00Z', companies }));
  const stream = streamSnapshotFile(path);
  expect(stream.count).toBe(50);
  expect(stream.head).toEqual({ schemaVersion: 1, takenAt: '2026-06-01T00:00:00Z' });
  const ids = (pass: Iterable<{ id: string }>) => Array.from(pass, (record) => record.id);
  expect(ids(stream.companies)).toEqual(companies.map((record) => record.id));
  expect(ids(stream.companies)).toEqual(companies.map((record) => record.id));
  expect(readSnapshotFile(path).companies).toHaveLength(50);
});

test('a file that changes between the split and the pass over its companies is refused', () => {
  const path = join(dir, 'changing.json');
  writeFileSync(path, JSON.stringify({ schemaVersion: 1, companies: [company('1'), company('2')] }));
  const stream = streamSnapshotFile(path);
  appendFileSync(path, '\n');
  expect(errorCodeOf(() => [...stream.companies])).toMatch(/^snapshot\.changed: .*changed while it was read/);
});

test('a pass left early closes its file', () => {
  const path = join(dir, 'early.json');
  writeFileSync(path, JSON.stringify({ schemaVersion: 1, companies: [company('1'), company('2')] }));
  const stream = streamSnapshotFile(path);
  const openFiles = () => readdirSync('/proc/self/fd').length;
  const before = openFiles();
  for (let pass = 0; pass < 20; pass += 1) {
    for (const record of stream.companies) {
      expect(record.id).toBe('1');
      break;
    }
  }
  expect(openFiles()).toBe(before);
});
