/**
 * How long the emulator takes to fill with a generated portfolio (issue #3: "print how long it
 * takes to fill 10k and 100k companies"). Generation is streamed and not timed; only the
 * emulator's loadSnapshot calls are, in chunks of 1,000 companies as `kam emulator` loads them.
 *
 *   npm run bench:emulator                   # 10,000 and 100,000 companies
 *   npm run bench:emulator -- 20000          # any sizes
 *
 * Prints companies, records, associations, fill time (wall and CPU: on a shared machine the CPU
 * figure is the steadier one), records per second and heap used.
 */
import { startEmulator } from '../emulator';
import { generateCompanies, type CompanyRecord } from '../emulator/generator';

const CHUNK = 1_000;
const NOW = new Date('2026-01-01T00:00:00Z');

async function fill(companies: number): Promise<void> {
  const emulator = await startEmulator();
  let fillMs = 0;
  let fillCpuMs = 0;
  let records = 0;
  let associations = 0;
  let chunk: CompanyRecord[] = [];
  const flush = () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = emulator.loadSnapshot({ schemaVersion: 1, companies: chunk }, { adopt: true });
    fillMs += performance.now() - started;
    const used = process.cpuUsage(cpu);
    fillCpuMs += (used.user + used.system) / 1000;
    records += summary.records;
    associations += summary.associations;
    chunk = [];
  };
  for (const generated of generateCompanies({ companies, seed: 1, now: NOW })) {
    chunk.push(generated.company);
    if (chunk.length >= CHUNK) flush();
  }
  if (chunk.length > 0) flush();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(
    `${companies.toLocaleString('en')} companies: ${records.toLocaleString('en')} records, ` +
      `${associations.toLocaleString('en')} associations filled in ${(fillMs / 1000).toFixed(2)} s ` +
      `(CPU ${(fillCpuMs / 1000).toFixed(2)} s, GC threads included) ` +
      `(${Math.round(records / (fillMs / 1000)).toLocaleString('en')} records/s), heap ${heapMb.toFixed(0)} MB`,
  );
  await emulator.close();
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) await fill(size);
}

void main();
