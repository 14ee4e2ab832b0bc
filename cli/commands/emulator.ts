import type { Command } from 'commander';
import { z } from 'zod';
import { PORTAL_TIERS, startEmulator, type RunningEmulator } from '../../emulator';
import { generateCompanies, type CompanyRecord } from '../../emulator/generator';
import { KeystoneError } from '../../src/engine/errors';
import { createGateway, ensureKamProperties } from '../../src/engine/hubspot';
import type { CliIo } from '../output';

const DAY_MS = 86_400_000;
/** The bearer the emulator's own setup uses when any token is accepted (its rate budget is its own). */
const INSTALLER_TOKEN = 'kam-emulator-setup';
/** Companies per loadSnapshot call: the generator streams, so a 100k portfolio is never one array. */
const LOAD_CHUNK_COMPANIES = 1_000;

const flagsSchema = z.object({
  port: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .refine((port) => port <= 65_535, 'must be at most 65535'),
  companies: z.string().regex(/^\d+$/, 'must be a non-negative integer').transform(Number),
  seed: z
    .string()
    .regex(/^[+-]?\d+$/, 'must be an integer')
    .transform(Number),
  token: z.string().min(1, 'must not be empty').optional(),
  log: z.boolean().optional(),
  tier: z.enum(PORTAL_TIERS, { message: 'must be professional or enterprise' }).default('enterprise'),
  searchLagMs: z
    .string()
    .regex(/^\d+$/, 'must be a non-negative integer (milliseconds)')
    .transform(Number)
    .default(0),
  batchFailureRate: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1')
    .transform(Number)
    .default(0),
  now: z
    .string()
    .optional()
    .transform((text) =>
      text === undefined ? new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS) : new Date(text),
    )
    .refine((date) => !Number.isNaN(date.getTime()), 'must be a valid ISO 8601 date or date-time'),
});
export type EmulatorFlags = z.infer<typeof flagsSchema>;

function parseFlags(raw: Record<string, unknown>): EmulatorFlags {
  const parsed = flagsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'flags');
  // commander hands over --batch-failure-rate as batchFailureRate
  const flag = `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  throw new KeystoneError(
    'input.invalid',
    `${flag} ${issue?.message ?? 'is invalid'}, got ${JSON.stringify(raw[field])}`,
    { field: flag, value: raw[field] },
  );
}

/** Fills the emulator from the seeded generator, a chunk of companies at a time. */
function fill(emulator: RunningEmulator, flags: EmulatorFlags): { records: number; ms: number } {
  const started = performance.now();
  let records = 0;
  let chunk: CompanyRecord[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    records += emulator.loadSnapshot({ schemaVersion: 1, companies: chunk }, { adopt: true }).records;
    chunk = [];
  };
  for (const generated of generateCompanies({
    companies: flags.companies,
    seed: flags.seed,
    now: flags.now,
  })) {
    chunk.push(generated.company);
    if (chunk.length >= LOAD_CHUNK_COMPANIES) flush();
  }
  flush();
  return { records, ms: performance.now() - started };
}

/**
 * Runs the emulator until `stopped` settles (SIGINT/SIGTERM from `register`), then closes it.
 * Separate from `register` so tests can drive it without signals.
 */
export async function runEmulator(
  io: CliIo,
  flags: EmulatorFlags,
  stopped: Promise<unknown>,
  onReady?: (emulator: RunningEmulator) => void,
): Promise<void> {
  const emulator = await startEmulator({
    port: flags.port,
    tier: flags.tier,
    searchLagMs: flags.searchLagMs,
    // Partial failures start once the portal is filled (its installer must not fail).
    batchFailureRate: 0,
    ...(flags.token === undefined ? {} : { token: flags.token }),
    ...(flags.log ? { log: (line: string) => io.out(line) } : {}),
  });
  try {
    if (flags.companies > 0) {
      // The generated companies carry KAM inputs (reputation, perception level, cost to serve…)
      // that managers fill in once Keystone is installed: install its properties first, as
      // `kam setup` would, or the loader would define them as plain text and setup would then
      // refuse to clobber them.
      await ensureKamProperties(
        createGateway({ accessToken: flags.token ?? INSTALLER_TOKEN, basePath: emulator.url }),
      );
      const { records, ms } = fill(emulator, flags);
      io.out(
        `Filled with ${flags.companies} companies and ${records} records (seed ${flags.seed}) in ${Math.round(ms)} ms; Keystone's kam_* properties are installed (kam setup will find nothing to change).`,
      );
    } else {
      io.out('Empty portal: standard properties and owners only; fill it through the API.');
    }
    emulator.setBatchFailureRate(flags.batchFailureRate);
    if (flags.tier !== 'enterprise' || flags.searchLagMs > 0 || flags.batchFailureRate > 0) {
      io.out(
        `Fidelity: ${flags.tier} portal, search lag ${flags.searchLagMs} ms, batch failure rate ${flags.batchFailureRate}.`,
      );
    }
    const token = flags.token ?? '<any non-empty token>';
    io.out(
      [
        `HubSpot CRM emulator listening on ${emulator.url}`,
        'Point kam at it:',
        `  export HUBSPOT_BASE_URL=${emulator.url}`,
        `  export HUBSPOT_ACCESS_TOKEN=${token}`,
        `Emulator controls (not HubSpot): ${emulator.url}/__emulator/health, /__emulator/requests`,
        'Stop with Ctrl+C.',
      ].join('\n'),
    );
    onReady?.(emulator);
    await stopped;
  } finally {
    await emulator.close();
  }
  io.out('Emulator stopped.');
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for them. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** `kam emulator`: the local HubSpot CRM emulator on 127.0.0.1, optionally filled with a generated portfolio. */
export function register(program: Command, io: CliIo): void {
  program
    .command('emulator')
    .description(
      'Run the local HubSpot CRM emulator on 127.0.0.1 (HubSpot paths, shapes, limits), filled with a seeded portfolio',
    )
    .option('--port <port>', 'port to listen on (0 picks a free one)', '0')
    .option('--companies <n>', 'generated companies to load (0: an empty portal)', '0')
    .option('--seed <seed>', 'generator seed', '1')
    .option('--token <token>', 'accept only this bearer token (default: any non-empty token)')
    .option('--now <iso>', 'the generator’s "today" (default: today 00:00 UTC)')
    .option('--log', 'print one line per request')
    .option(
      '--tier <tier>',
      'portal subscription: enterprise, or professional (403 on custom objects)',
      'enterprise',
    )
    .option('--search-lag-ms <ms>', 'how long writes take to reach search (HubSpot: seconds)', '0')
    .option('--batch-failure-rate <rate>', 'share of batch inputs that fail in a 207, 0..1 (seeded)', '0')
    .action(async (raw: Record<string, unknown>) => {
      await runEmulator(io, parseFlags(raw), untilSignal());
    });
}
