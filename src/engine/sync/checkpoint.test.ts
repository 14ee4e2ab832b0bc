import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CompanyRecord } from '../core/snapshot';
import { FileCheckpoint, type PlannedSummary } from './checkpoint';

const companiesFrom = (first: number, count: number): CompanyRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    id: String(first + index),
    properties: { name: `Company "${first + index}"`, annualrevenue: null },
    deals: [{ id: `d${first + index}`, properties: { amount: '1200.5', closedate: null } }],
    tickets: [],
    meetings: [],
    contacts: [],
  }));

const summaryOf = (companiesRead: number): PlannedSummary => ({
  companiesRead,
  companiesScored: companiesRead,
  unknownCompanyIds: [],
  missingRecords: 0,
  truncated: 0,
  tierChanges: [],
});

function freshCheckpoint(): FileCheckpoint {
  const checkpoint = new FileCheckpoint(join(mkdtempSync(join(tmpdir(), 'kam-checkpoint-')), 'run.jsonl'));
  checkpoint.begin({
    type: 'start',
    runId: 'run-1',
    now: '2026-11-01T00:00:00.000Z',
    modelVersion: 'v1',
    scope: { kind: 'all' },
    target: 'test',
  });
  return checkpoint;
}

describe('FileCheckpoint read entries written in the background', () => {
  test('land in order, read back equal, and come before what is appended after the flush', async () => {
    const checkpoint = freshCheckpoint();
    const chunks = [companiesFrom(1, 120), companiesFrom(121, 3), companiesFrom(124, 0)];
    chunks.forEach((companies, index) =>
      checkpoint.appendReadInBackground({
        type: 'read',
        after: index === 2 ? null : `cursor-${index}`,
        companies,
        done: index === 2,
      }),
    );
    await checkpoint.flush();
    checkpoint.append({ type: 'planned', writeCount: 0, summary: summaryOf(123) });
    const state = checkpoint.load();
    expect(state.reads.map((read) => read.after)).toEqual(['cursor-0', 'cursor-1', null]);
    expect(state.reads.map((read) => read.companies())).toEqual(chunks);
    expect(state.planned).toMatchObject({ writeCount: 0 });
  });

  test('let the event loop turn while a large entry is serialised', async () => {
    const checkpoint = freshCheckpoint();
    const companies = companiesFrom(1, 500);
    const stringify = JSON.stringify;
    let serialised = 0;
    const spy = jest.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof stringify>) => {
      serialised += 1;
      return stringify(...args);
    });
    // what each turn of the event loop saw: in one go, a turn would see none or all of them
    const seen: number[] = [];
    let ticking = true;
    const tick = () => {
      seen.push(serialised);
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    checkpoint.appendReadInBackground({ type: 'read', after: null, companies, done: true });
    await checkpoint.flush();
    ticking = false;
    spy.mockRestore();
    expect(seen.some((count) => count > 1 && count < companies.length)).toBe(true);
  });

  test('a journal that cannot be written fails the flush with a clear error, not an unhandled rejection', async () => {
    const checkpoint = new FileCheckpoint(join(tmpdir(), 'kam-no-such-dir', 'nested', 'run.jsonl'));
    checkpoint.appendReadInBackground({
      type: 'read',
      after: null,
      companies: companiesFrom(1, 1),
      done: true,
    });
    await checkpoint.settle();
    await expect(checkpoint.flush()).rejects.toMatchObject({ code: 'sync.checkpoint_unwritable' });
  });

  test('finish keeps the start and the plan, drops the reads, and the run reads as done', async () => {
    const checkpoint = freshCheckpoint();
    checkpoint.appendReadInBackground({
      type: 'read',
      after: null,
      companies: companiesFrom(1, 300),
      done: true,
    });
    await checkpoint.flush();
    checkpoint.append({ type: 'planned', writeCount: 300, summary: summaryOf(300) });
    checkpoint.append({ type: 'written', ids: ['1', '2'] });
    const before = checkpoint.bytesWritten;
    checkpoint.finish();
    const lines = readFileSync(checkpoint.path, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual([
      'start',
      'planned',
      'done',
    ]);
    expect(statSync(checkpoint.path).size).toBeLessThan(before);
    const state = new FileCheckpoint(checkpoint.path).load();
    expect(state).toMatchObject({ done: true, reads: [], planned: { writeCount: 300 } });
  });

  test('a chunk is stored gzipped, and an uncompressed read entry from an older journal still loads', async () => {
    const checkpoint = freshCheckpoint();
    const packed = companiesFrom(1, 400);
    checkpoint.appendReadInBackground({ type: 'read', after: 'cursor-0', companies: packed, done: false });
    await checkpoint.flush();
    expect(checkpoint.bytesWritten).toBeLessThan(JSON.stringify(packed).length / 4);
    const plain = companiesFrom(401, 2);
    checkpoint.append({ type: 'read', after: null, companies: plain, done: true });
    const state = new FileCheckpoint(checkpoint.path).load();
    expect(
      state.reads.map(({ after, done, companies }) => ({ after, done, companies: companies() })),
    ).toEqual([
      { after: 'cursor-0', companies: packed, done: false },
      { after: null, companies: plain, done: true },
    ]);
  });

  test('a packed chunk cut short by a kill is ignored as the last line, and refused anywhere else', async () => {
    const checkpoint = freshCheckpoint();
    checkpoint.appendReadInBackground({
      type: 'read',
      after: 'c',
      companies: companiesFrom(1, 50),
      done: false,
    });
    await checkpoint.flush();
    const lines = readFileSync(checkpoint.path, 'utf8').trim().split('\n');
    const cut = lines[1]!.replace(/"gzip":"(.{40}).*"/, '"gzip":"$1"');
    writeFileSync(checkpoint.path, `${lines[0]}\n${cut}\n`);
    expect(new FileCheckpoint(checkpoint.path).load().reads).toEqual([]);
    writeFileSync(
      checkpoint.path,
      `${lines[0]}\n${cut}\n${JSON.stringify({ type: 'written', ids: ['1'] })}\n`,
    );
    expect(() => new FileCheckpoint(checkpoint.path).load()).toThrow(
      expect.objectContaining({ code: 'sync.checkpoint_corrupt' }),
    );
  });

  test('a chunk is parsed only when its companies are asked for, and a bad one is named then', () => {
    const checkpoint = freshCheckpoint();
    const gzip = gzipSync(Buffer.from(JSON.stringify([{ id: '', properties: {} }]))).toString('base64');
    appendFileSync(
      checkpoint.path,
      `${JSON.stringify({ type: 'read-gz', after: null, done: true, gzip })}\n`,
    );
    const [read] = new FileCheckpoint(checkpoint.path).load().reads;
    expect(read).toMatchObject({ after: null, done: true });
    expect(() => read!.companies()).toThrow(
      expect.objectContaining({
        code: 'sync.checkpoint_corrupt',
        message: expect.stringContaining(`${checkpoint.path} line 2`),
      }),
    );
  });
});
