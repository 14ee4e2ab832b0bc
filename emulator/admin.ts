/**
 * The emulator's own control API under /__emulator/. This is NOT part of HubSpot's API: it exists
 * so a separate process (the `kam emulator` command, a benchmark) can reset the portal, load a
 * snapshot, read request counts and set latency or fault rates. No auth, no rate limits.
 */
import type { FidelityKnobs } from './limits/fidelity';
import { z } from 'zod';
import { parseBody, route, type Route } from './http/router';
import type { FaultRates } from './limits/faults';
import type { RequestLog } from './request-log';
import type { CrmStore } from './store/crm-store';
import type { LoadSummary } from './store/snapshot-loader';

export interface EmulatorControl {
  readonly store: CrmStore;
  readonly requestLog: RequestLog;
  reset(): void;
  loadSnapshot(snapshot: unknown): LoadSummary;
  setFaults(rates: Partial<FaultRates>): void;
  faultRates(): FaultRates;
  setLatency(ms: number): void;
  latency(): number;
  fidelity(): FidelityKnobs;
  setBatchFailureRate(rate: number): void;
}

const rate = z.number().min(0).max(1);
const faultsSchema = z.object({ rate429: rate.optional(), rate5xx: rate.optional() });
const latencySchema = z.object({ ms: z.number().int().min(0) });
const fidelitySchema = z.object({ batchFailureRate: rate });

export function adminRoutes(control: EmulatorControl): Route[] {
  return [
    route.get('/__emulator/health', () => ({
      status: 200,
      body: {
        status: 'ok',
        portalId: control.store.portalId,
        objects: Object.fromEntries(
          control.store.types.list().map((type) => [type.name, control.store.table(type).objects.size]),
        ),
        faults: control.faultRates(),
        latencyMs: control.latency(),
        fidelity: control.fidelity(),
      },
    })),
    route.get('/__emulator/requests', () => ({
      status: 200,
      body: { total: control.requestLog.total(), counts: control.requestLog.counts() },
    })),
    route.delete('/__emulator/requests', () => {
      control.requestLog.clear();
      return { status: 204 };
    }),
    route.post('/__emulator/reset', () => {
      control.reset();
      return { status: 204 };
    }),
    route.post('/__emulator/snapshot', (context) => ({
      status: 200,
      body: control.loadSnapshot(context.body),
    })),
    route.put('/__emulator/faults', (context) => {
      control.setFaults(parseBody(faultsSchema, context.body));
      return { status: 200, body: control.faultRates() };
    }),
    route.put('/__emulator/latency', (context) => {
      control.setLatency(parseBody(latencySchema, context.body).ms);
      return { status: 200, body: { latencyMs: control.latency() } };
    }),
    // The tier and the search lag are fixed when the emulator starts; partial failures can change.
    route.put('/__emulator/fidelity', (context) => {
      control.setBatchFailureRate(parseBody(fidelitySchema, context.body).batchFailureRate);
      return { status: 200, body: control.fidelity() };
    }),
  ];
}
