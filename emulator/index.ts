/**
 * Keystone's local HubSpot CRM emulator: an HTTP server on 127.0.0.1 that speaks the subset of
 * HubSpot's CRM API the app uses, with HubSpot's paths, shapes, status codes and limits.
 *
 * @example
 * const emulator = await startEmulator({ token: 'test-token' });
 * const client = new Client({ accessToken: 'test-token', basePath: emulator.url });
 */
import { EmulatorServer, type EmulatorOptions } from './server';
import type { FaultRates } from './limits/faults';
import { knobsFromEnv, type FidelityKnobs } from './limits/fidelity';
import type { RequestLog } from './request-log';
import type { CrmStore } from './store/crm-store';
import type { EmulatorSnapshot, LoadOptions, LoadSummary } from './store/snapshot-loader';

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the `basePath` for @hubspot/api-client. */
  url: string;
  port: number;
  /** The portal's data; replaced by `reset()`, so read it through this property each time. */
  readonly store: CrmStore;
  requestLog: RequestLog;
  close(): Promise<void>;
  /** Empties the portal (back to standard properties and owners), the request log and the limits. */
  reset(): void;
  /**
   * Adds a portfolio snapshot's records and company associations. Typed input is trusted (only
   * the envelope is checked) so 100k companies load fast; untrusted JSON goes through the admin
   * route POST /__emulator/snapshot, which zod-parses it.
   */
  loadSnapshot(snapshot: EmulatorSnapshot, options?: LoadOptions): LoadSummary;
  setFaults(rates: Partial<FaultRates>): void;
  setLatency(ms: number): void;
  /** Share of property batch create / object batch update inputs that fail in a 207 (0..1). */
  setBatchFailureRate(rate: number): void;
  /** The tier, search lag and batch failure rate in force. */
  fidelity(): FidelityKnobs;
}

/**
 * Starts the emulator. The fidelity knobs not given in `options` come from the environment
 * (KAM_EMULATOR_SEARCH_LAG_MS, KAM_EMULATOR_BATCH_FAILURE_RATE, KAM_EMULATOR_TIER), so CI can run
 * whole test suites a second time with them on.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const fromEnv = knobsFromEnv(process.env);
  const server = new EmulatorServer({
    ...options,
    tier: options.tier ?? fromEnv.tier,
    searchLagMs: options.searchLagMs ?? fromEnv.searchLagMs,
    batchFailureRate: options.batchFailureRate ?? fromEnv.batchFailureRate,
  });
  const { url, port } = await server.listen();
  return {
    url,
    port,
    get store() {
      return server.store;
    },
    requestLog: server.requestLog,
    close: () => server.close(),
    reset: () => server.reset(),
    loadSnapshot: (snapshot, options) => server.loadTypedSnapshot(snapshot, options),
    setFaults: (rates) => server.setFaults(rates),
    setLatency: (ms) => server.setLatency(ms),
    setBatchFailureRate: (rate) => server.setBatchFailureRate(rate),
    fidelity: () => server.fidelity(),
  };
}

export type { EmulatorOptions } from './server';
export type { FaultRates } from './limits/faults';
export type { FidelityKnobs, PortalTier } from './limits/fidelity';
export { PORTAL_TIERS, TIER_RATE_LIMITS } from './limits/fidelity';
export type { RateLimitSettings } from './limits/rate-limiter';
export type { RequestLog } from './request-log';
export type { CrmStore, CrmObject } from './store/crm-store';
export type { EmulatorSnapshot, LoadOptions, LoadSummary } from './store/snapshot-loader';
export { snapshotSchema } from './store/snapshot-loader';
export { SEEDED_OWNERS, type Owner } from './store/owners';
export { HUBSPOT_LIMITS } from './limits/hubspot-limits';
