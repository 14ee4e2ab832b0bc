/** Parameters and results of the functions the key-account card calls. */
import { z } from 'zod';
import { UI_LANGUAGES } from './client';
import { functionResultSchema, recordIdSchema } from './common';

/** The company id comes from `propertiesToSend: ['hs_object_id']`; `companyId` is for callers without a record. */
export const recalculateCompanyParamsSchema = z.object({ companyId: recordIdSchema.optional() });
export type RecalculateCompanyParams = z.infer<typeof recalculateCompanyParamsSchema>;

export const recalculateCompanyResultSchema = functionResultSchema({
  companyId: z.string(),
  /** The kam_* properties that changed and were written; empty when nothing changed. */
  changedProperties: z.array(z.string()),
  /** True when the company had more associated records than one recalculation reads. */
  truncated: z.boolean(),
  modelVersion: z.string(),
});
export type RecalculateCompanyResult = z.infer<typeof recalculateCompanyResultSchema>;

export const createTaskParamsSchema = z.object({
  companyId: recordIdSchema.optional(),
  /** A recommendation id from the company's stored kam_explanation; its title and reason come from there. */
  recommendationId: z.string().min(1).max(100),
  language: z.enum(UI_LANGUAGES).default('en'),
});
export type CreateTaskParams = z.input<typeof createTaskParamsSchema>;

export const createTaskResultSchema = functionResultSchema({
  taskId: z.string(),
  /** False when today's task for this company and recommendation already existed (and was returned). */
  created: z.boolean(),
  subject: z.string(),
});
export type CreateTaskResult = z.infer<typeof createTaskResultSchema>;
