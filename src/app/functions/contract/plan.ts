/**
 * Parameters and results of the account-plan functions the card calls (issue #21 item 1). Any
 * user who sees the card may read and edit the plan of that record (plans are the manager's own
 * work); `actingUser` is recorded with the version, not believed for permission.
 */
import { z } from 'zod';
import { accountPlanSchema, PLAN_LIMITS, type PlanVersion, type StoredPlan } from '../../../engine/core';
import { actingUserSchema, functionErrorSchema, functionResultSchema, recordIdSchema } from './common';

/** How many versions the card lists under the plan. */
export const PLAN_HISTORY_LIMIT = 20;

export const getAccountPlanParamsSchema = z.object({
  companyId: recordIdSchema.optional(),
  historyLimit: z.number().int().min(1).max(100).default(PLAN_HISTORY_LIMIT),
});
export type GetAccountPlanParams = z.input<typeof getAccountPlanParamsSchema>;

const authorSchema = z.object({ userId: z.string(), email: z.string() });
const versionShape = {
  versionId: z.string(),
  companyId: z.string(),
  version: z.string(),
  savedAt: z.string(),
  savedBy: authorSchema,
  note: z.string(),
  isCurrent: z.boolean(),
};
export const planVersionSchema = z.object({
  ...versionShape,
  isValid: z.boolean(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
}) satisfies z.ZodType<PlanVersion>;
export const storedPlanSchema = z.object({
  ...versionShape,
  plan: accountPlanSchema,
}) satisfies z.ZodType<StoredPlan>;

export const getAccountPlanResultSchema = functionResultSchema({
  companyId: z.string(),
  /** The current plan; null when the company has none, or when the current version fails the schema. */
  plan: storedPlanSchema.nullable(),
  /** Set when the current version is stored but fails the schema: the editor starts from it, named. */
  invalidCurrent: planVersionSchema.nullable(),
  /** The invalid current version's stored JSON as parsed (null when it is not JSON), for the editor to start from. */
  invalidContent: z.unknown().optional(),
  /** Newest first, at most `historyLimit`. */
  versions: z.array(planVersionSchema),
  /** False on a portal without custom objects (below Enterprise): plans cannot be stored there. */
  storeAvailable: z.boolean(),
});
export type GetAccountPlanResult = z.infer<typeof getAccountPlanResultSchema>;

export const saveAccountPlanParamsSchema = z.object({
  companyId: recordIdSchema.optional(),
  plan: accountPlanSchema,
  /** The version the editor started from; null for a company's first plan (see AccountPlanStore.save). */
  baseVersionId: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable(),
  note: z.string().trim().max(PLAN_LIMITS.titleChars).default(''),
  actingUser: actingUserSchema,
});
export type SaveAccountPlanParams = z.input<typeof saveAccountPlanParamsSchema>;

export const saveAccountPlanResultSchema = functionResultSchema({
  companyId: z.string(),
  saved: storedPlanSchema,
  /** The kam_* properties the rescoring right after the save changed (plan status, progress, …). */
  changedProperties: z.array(z.string()),
  /**
   * Set when the plan was saved but the rescoring right after it failed (the save stands; the
   * next Recalculate or sync updates kam_plan_*). Answering a failure instead would make the
   * editor retry a save that already happened and meet its own conflict.
   */
  rescoreError: functionErrorSchema.optional(),
});
export type SaveAccountPlanResult = z.infer<typeof saveAccountPlanResultSchema>;
