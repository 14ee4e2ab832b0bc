/**
 * The portfolio snapshot: the core's input, in HubSpot's own shape. Every value is a string or
 * null, exactly as HubSpot's API returns properties. `kam generate` writes this format, the sync
 * engine builds it from API reads, `kam score-file` reads it.
 */
import { z } from 'zod';
import type { CurrentPlan } from './account-plan';
import { toValidationIssues, type ValidationResult } from './validation';

/**
 * A record's properties: an object whose every value is a string or null. Checked by one plain
 * loop instead of a zod schema per value, and passed through uncopied: it runs for every property
 * of every record of a portfolio (issue #2 benchmark), and the messages still name the path.
 */
export const crmPropertiesSchema = z.custom<Record<string, string | null>>().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be an object of property values' });
    return;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const propertyValue = (value as Record<string, unknown>)[key];
    if (propertyValue !== null && typeof propertyValue !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `must be a string or null, as HubSpot sends property values (got ${typeof propertyValue})`,
      });
    }
  }
});

export const crmRecordSchema = z.object({
  id: z.string().min(1),
  properties: crmPropertiesSchema,
});
export type CrmRecord = z.infer<typeof crmRecordSchema>;

export const companyRecordSchema = crmRecordSchema.extend({
  deals: z.array(crmRecordSchema).default([]),
  tickets: z.array(crmRecordSchema).default([]),
  meetings: z.array(crmRecordSchema).default([]),
  contacts: z.array(crmRecordSchema).default([]),
});
/**
 * A company and its associated records. `plan` is the company's current account development plan
 * when the reader had one (a sync or one-company rescoring reads them from the plan store); a
 * snapshot file never carries one, so a file is scored as if no company had a plan.
 */
export type CompanyRecord = z.infer<typeof companyRecordSchema> & { plan?: CurrentPlan | null };

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
