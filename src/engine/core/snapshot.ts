/**
 * The portfolio snapshot: the core's input, in HubSpot's own shape. Every value is a string or
 * null, exactly as HubSpot's API returns properties. `kam generate` writes this format, the sync
 * engine builds it from API reads, `kam score-file` reads it.
 */
import { z } from 'zod';
import { toValidationIssues, type ValidationResult } from './validation';

export const crmRecordSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()),
});
export type CrmRecord = z.infer<typeof crmRecordSchema>;

export const companyRecordSchema = crmRecordSchema.extend({
  deals: z.array(crmRecordSchema).default([]),
  tickets: z.array(crmRecordSchema).default([]),
  meetings: z.array(crmRecordSchema).default([]),
  contacts: z.array(crmRecordSchema).default([]),
});
export type CompanyRecord = z.infer<typeof companyRecordSchema>;

export const portfolioSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  /** ISO time the snapshot was taken; the default `now` for scoring it. */
  takenAt: z.string().optional(),
  homeCurrency: z.string().length(3).optional(),
  companies: z.array(companyRecordSchema),
});
export type PortfolioSnapshot = z.infer<typeof portfolioSnapshotSchema>;

/** Parses an untrusted snapshot (a file, a request body) into its typed shape, naming every bad path. */
export function parseSnapshot(json: unknown): ValidationResult<PortfolioSnapshot> {
  const parsed = portfolioSnapshotSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: toValidationIssues(parsed.error.issues) };
}
