/** `kam … | head`: a reader that stops early must not turn into an EPIPE stack trace. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePortfolio } from '../../../emulator/generator';

test('a closed stdout ends kam quietly with exit code 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kam-pipe-'));
  const snapshotPath = join(dir, 'snapshot.json');
  const now = new Date('2026-11-01T00:00:00.000Z');
  writeFileSync(snapshotPath, JSON.stringify(generatePortfolio({ companies: 300, seed: 4, now }).snapshot));

  const child = spawn(
    process.execPath,
    [
      join(__dirname, '../../../bin/kam.cjs'),
      'score-file',
      snapshotPath,
      '--json',
      '--now',
      now.toISOString(),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // read the first chunk, then hang up, as `head -c 100` does
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) =>
    child.on('exit', (exitCode) => resolve(exitCode)),
  );
  expect(stderr).not.toMatch(/EPIPE|at \w+/);
  expect(code).toBe(0);
});
