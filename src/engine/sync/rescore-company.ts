/**
 * Rescores one company now: the card's "Recalculate" button, a webhook, a workflow action.
 * A handful of calls (company, four association reads, capped record reads, one write), with the
 * portfolio-level inputs (Pareto class, revenue reference) taken from the company's last full
 * run, so the result equals what the portfolio sync would write for the same data.
 */
import type { CompanyScore } from '../core';
import type { AccountPlanStore } from '../core/account-plan';
import { createAccountPlanStore } from '../hubspot/account-plan-store';
import { KeystoneError } from '../errors';
import type { CrmGateway } from '../hubspot/gateway';
import type { ScoringModel } from '../settings';
import { diffOutputs } from './diff';
import { scoreOnStoredContext, toScoredCompany } from './portfolio-scorer';
import { readAssociatedRecords, readCompaniesById, type ReadChunkResult } from './read-portfolio';

/** Per associated type: enough for years of history, small enough for a 15 s function budget. */
export const DEFAULT_MAX_RECORDS_PER_TYPE = 1000;

export type RescoreResult = {
  score: CompanyScore;
  /** What was written (or, with dryRun, would be); empty when nothing changed. */
  changedProperties: Record<string, string>;
  /** Associated record lists that were capped: the score used the newest `kept` of `total`. */
  truncated: ReadChunkResult['truncated'];
  missingRecords: number;
};

export async function rescoreCompany(options: {
  gateway: CrmGateway;
  companyId: string;
  model: ScoringModel;
  now: Date;
  dryRun?: boolean;
  maxRecordsPerType?: number;
  /** Where the company's account development plan is read from; default the portal's custom object. */
  plans?: AccountPlanStore;
}): Promise<RescoreResult> {
  const { gateway, companyId, model, now } = options;
  if (!/^\d+$/.test(companyId)) {
    throw new KeystoneError(
      'input.invalid',
      `company id must be a HubSpot record id (digits), got "${companyId}"`,
    );
  }
  const { companies } = await readCompaniesById(gateway, [companyId]);
  if (companies.length === 0) {
    throw new KeystoneError('hubspot.not_found', `company ${companyId} does not exist or was deleted`, {
      companyId,
    });
  }
  const plans = options.plans ?? createAccountPlanStore({ gateway, now: () => now });
  const [read, plan] = await Promise.all([
    readAssociatedRecords(gateway, companies, {
      maxRecordsPerType: options.maxRecordsPerType ?? DEFAULT_MAX_RECORDS_PER_TYPE,
    }),
    plans.current(companyId),
  ]);
  const company = { ...read.companies[0]!, plan };
  const { score, context } = scoreOnStoredContext(company, model, now);
  const scored = toScoredCompany(score, context);
  const changedProperties = diffOutputs(company.properties, scored.desired, now);
  if (!options.dryRun && Object.keys(changedProperties).length > 0) {
    const outcome = await gateway.batchUpdate('companies', [
      { id: companyId, properties: changedProperties },
    ]);
    if (outcome.failures.length > 0) {
      throw new KeystoneError(
        'sync.write_failed',
        `writing company ${companyId}: ${outcome.failures[0]?.message ?? 'HubSpot refused the update'}`,
        { companyId },
      );
    }
  }
  return { score, changedProperties, truncated: read.truncated, missingRecords: read.missingRecords };
}
