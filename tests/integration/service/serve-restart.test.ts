/**
 * `kam serve` as a process: SIGTERM in the middle of a scheduled run stops it cleanly (exit 0,
 * the batches in flight land and are journaled); the next start resumes the run, and the portal
 * ends exactly as one uninterrupted run with the same scoring time leaves it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunningEmulator } from '../../../emulator';
import { fillPortal, gatewayFor, outputsOf, portalWithPortfolio, sync, TOKEN } from '../../support/portal';

const ROOT = resolve(__dirname, '../../..');
// two chunks of reads (300, then 400 companies), so a SIGTERM can land between them
const COMPANIES = 700;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await portalWithPortfolio(COMPANIES);
});
afterAll(() => emulator.close());

type Served = { child: ChildProcess; lines: string[]; exited: Promise<number | null> };

function serve(stateDir: string, fullCron: string): Served {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'kam.cjs'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--public-url',
      'https://kam.acme-industries.com',
      '--incremental-cron',
      'off',
      '--full-cron',
      fullCron,
      '--state-dir',
      stateDir,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HUBSPOT_ACCESS_TOKEN: TOKEN,
        HUBSPOT_BASE_URL: emulator.url,
        KEYSTONE_CLIENT_SECRET: 'restart-test-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, lines, exited };
}

const messages = (served: Served) =>
  served.lines.flatMap((line) => {
    try {
      return [(JSON.parse(line) as { message: string }).message];
    } catch {
      return [];
    }
  });

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

const journalReads = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"type":"read')).length
    : 0;

test('SIGTERM mid-run, then a restart resumes it and the portal ends as after one uninterrupted run', async () => {
  await fillPortal(emulator, COMPANIES);
  emulator.setLatency(150);
  const children: ChildProcess[] = [];
  const stateDir = mkdtempSync(join(tmpdir(), 'kam-serve-restart-'));
  const journal = join(stateDir, 'sync-checkpoint.jsonl');
  try {
    const first = serve(stateDir, '* * * * * *');
    children.push(first.child);
    await waitFor(() => journalReads(journal) >= 1, 60_000, 'the first journaled read');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(messages(first)).toEqual(
      expect.arrayContaining([
        'run started',
        'run stopped: it resumes at the next start',
        'kam serve stopped',
      ]),
    );
    expect(messages(first)).not.toContain('run finished');
    const state = JSON.parse(readFileSync(join(stateDir, 'serve-state.json'), 'utf8')) as {
      current: unknown;
    };
    expect(state.current).toMatchObject({ kind: 'full' });

    // restarted with no schedule at all: it resumes the interrupted run on its own
    const second = serve(stateDir, 'off');
    children.push(second.child);
    await waitFor(() => messages(second).includes('run finished'), 60_000, 'the resumed run to finish');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(messages(second)).toContain('run resumed');
    const finished = second.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => l.message === 'run finished');
    expect(finished).toMatchObject({ kind: 'full', resumed: true });
    for (const served of [first, second]) expect(served.lines.join('\n')).not.toContain(TOKEN);

    const resumedEnd = await outputsOf(emulator);
    const start = JSON.parse(readFileSync(journal, 'utf8').split('\n')[0] as string) as { now: string };

    emulator.setLatency(0);
    await fillPortal(emulator, COMPANIES);
    await sync(gatewayFor(emulator), { now: new Date(start.now) });
    expect(resumedEnd).toEqual(await outputsOf(emulator));
  } finally {
    emulator.setLatency(0);
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}, 180_000);
