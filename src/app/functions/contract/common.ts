/**
 * What every Keystone app function answers, shared by the functions and the UI folders that call
 * them (the UI folders import them as `@keystone/shared`, decision 0001). A function never throws to
 * HubSpot: it answers `{ ok: false, error: { code, message } }`, with field paths when the input
 * was invalid, so a card can show the reason instead of HubSpot's generic failure.
 */
import { z } from 'zod';

/** `hubspot.serverless(name, …)` takes the function's uid from its *-hsmeta.json. */
export const FUNCTION_NAMES = {
  recalculateCompany: 'keystone_recalculate_company',
  createTask: 'keystone_create_task',
  getModel: 'keystone_get_model',
  saveModel: 'keystone_save_model',
  rollbackModel: 'keystone_rollback_model',
  previewModel: 'keystone_preview_model',
  pinTier: 'keystone_pin_tier',
  scoreHistory: 'keystone_score_history',
  portfolioAnalysis: 'keystone_portfolio_analysis',
  getAccountPlan: 'keystone_get_account_plan',
  saveAccountPlan: 'keystone_save_account_plan',
} as const;
export type FunctionName = (typeof FUNCTION_NAMES)[keyof typeof FUNCTION_NAMES];

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const functionErrorSchema = z.object({
  /** Stable and namespaced, like KeystoneError codes: `input.invalid`, `auth.forbidden`, `hubspot.not_found`. */
  code: z.string(),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type FunctionError = z.infer<typeof functionErrorSchema>;

export const functionFailureSchema = z.object({ ok: z.literal(false), error: functionErrorSchema });
export type FunctionFailure = z.infer<typeof functionFailureSchema>;

/** `{ ok: true, …shape } | { ok: false, error }`. */
export function functionResultSchema<const Shape extends z.ZodRawShape>(shape: Shape) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), functionFailureSchema]);
}

export const recordIdSchema = z.string().regex(/^[1-9]\d{0,19}$/, { error: 'must be a HubSpot record id' });

/** The HubSpot user a page says it acts for; recorded for audit, never trusted for permission. */
export const actingUserSchema = z.object({
  userId: z.string().regex(/^\d{1,20}$/, { error: 'must be a HubSpot user id' }),
  email: z.string().max(254),
});
export type ActingUser = z.infer<typeof actingUserSchema>;

/**
 * Saving or rolling back the model and pinning a tier are for Keystone admins. `adminKey` is
 * checked against the KEYSTONE_ADMIN_KEY secret inside the function
 * (docs/decisions/0003-who-may-change-the-model.md, 0004-who-may-pin.md); `actingUser` is
 * recorded, not believed.
 */
export const adminRequestShape = {
  adminKey: z.string().min(1, { error: 'enter the Keystone admin key' }).max(200),
  actingUser: actingUserSchema,
};
