/**
 * How the UI folders call Keystone's app functions and pick their language; shared through
 * `@keystone/shared` (src/shared, decision 0001) so the card, settings and page behave the same.
 *
 * The runner is injected: the entry files pass `hubspot.serverless`, tests pass a spy. Every outcome
 * becomes a value: the function's own `{ ok: false, error }`, a rejected call (HubSpot could not
 * run the function) and an answer outside the contract all end up as a `FunctionError`.
 */
import type { z } from 'zod';
import type { FunctionError } from './common';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type FunctionCallOptions = { propertiesToSend?: string[]; parameters?: JsonValue };

/** `hubspot.serverless` has this shape (function uid, then what HubSpot forwards to `context`). */
export type FunctionRunner = (name: string, options: FunctionCallOptions) => Promise<unknown>;

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: FunctionError };

type ResultSchema = z.ZodType<{ ok: true } | { ok: false; error: FunctionError }>;

export async function callFunction<S extends ResultSchema>(
  runner: FunctionRunner,
  name: string,
  options: FunctionCallOptions,
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

/** The UI speaks the languages the methodology and the explanation document are written in. */
export const UI_LANGUAGES = ['en', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** HubSpot sends `context.user.locale` as `ru`, `ru-RU` or `ru_RU`; anything else falls back to English. */
export function languageFromLocale(locale: string | undefined): UiLanguage {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' ? 'ru' : 'en';
}

/** BCP 47 tag for `Intl` number and date formatting. */
export function intlLocale(language: UiLanguage): string {
  return language === 'ru' ? 'ru-RU' : 'en-US';
}

/** An ISO timestamp as a date and time in the user's language; a value that does not parse is shown as stored. */
export function formatDateTime(iso: string, language: UiLanguage): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(time),
  );
}
