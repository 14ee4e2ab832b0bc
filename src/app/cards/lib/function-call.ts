/**
 * Calling Keystone's app functions from the card. The runner is injected (the entry passes
 * `hubspot.serverless`, tests pass a spy). Every outcome becomes a value: the function's own
 * `{ ok: false, error }`, a rejected call (HubSpot could not run the function) and an answer that
 * does not match the contract all end up as a `FunctionError` the card can show.
 */
import type { JsonValue } from '@hubspot/ui-extensions';
import type { z } from 'zod';
import type { FunctionError } from '../generated/app/functions/contract/common';

export type FunctionRunner = (
  name: string,
  options: { propertiesToSend?: string[]; parameters?: JsonValue },
) => Promise<unknown>;

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: FunctionError };

type ResultSchema = z.ZodType<{ ok: true } | { ok: false; error: FunctionError }>;

export async function callFunction<S extends ResultSchema>(
  runner: FunctionRunner,
  name: string,
  options: { propertiesToSend?: string[]; parameters?: JsonValue },
  resultSchema: S,
): Promise<CallOutcome<Extract<z.infer<S>, { ok: true }>>> {
  let response: unknown;
  try {
    response = await runner(name, options);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'function.failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
  const parsed = resultSchema.safeParse(response);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'function.unexpected_response', message: `${name} answered in an unexpected shape` },
    };
  }
  const result = parsed.data as z.infer<S>;
  if (result.ok) return { ok: true, value: result as Extract<z.infer<S>, { ok: true }> };
  return { ok: false, error: (result as { ok: false; error: FunctionError }).error };
}
