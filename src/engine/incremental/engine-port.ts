/**
 * What incremental rescoring needs from the sync engine, and nothing more. Webhook and workflow
 * action handlers are written against this port so they can be tested without HubSpot; the
 * real implementation (`createKeystoneEngine`) wraps the sync engine's `rescoreCompany` and the
 * adapter's association reads.
 */
import type { RiskLevel, Tier } from '../core/enums';
import type { ObjectRef } from './webhook-events';

export type RescoreOutcome = {
  companyId: string;
  /** The `kam_*` properties this rescore wrote; empty when nothing changed (and nothing was written). */
  changedProperties: readonly string[];
  score: number | null;
  tier: Tier | null;
  riskLevel: RiskLevel | null;
};

export interface IncrementalEngine {
  /** The companies associated with these deals, tickets, contacts or meetings; deleted or unknown objects give none. */
  resolveCompanyIds(objects: readonly ObjectRef[]): Promise<string[]>;
  /** Rescores one company from current CRM data and writes only the values that changed. */
  rescoreCompany(companyId: string): Promise<RescoreOutcome>;
}

/** Structured log lines; the function entry points send them to the platform's log. */
export type Logger = {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
};

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
