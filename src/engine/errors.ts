/**
 * The one base error of Keystone's edges (adapter, sync, settings, CLI). `code` is stable and
 * namespaced (`hubspot.rate_limited`, `settings.invalid`, `sync.checkpoint_mismatch`); `details`
 * carries what someone needs to act on it: object type, ids, HTTP status, HubSpot's correlationId.
 * Never put the access token in a message or in details.
 */
export const KEYSTONE_ERROR_CODES = [
  // the user can fix the input (CLI exit 2)
  'input.invalid',
  'input.property_conflict',
  'input.unwritable',
  'settings.invalid',
  'settings.invalid_json',
  'settings.not_found',
  'settings.stored_model_invalid',
  'settings.store_unavailable',
  'settings.too_large',
  'settings.version_not_found',
  'snapshot.changed',
  'snapshot.invalid',
  'snapshot.invalid_json',
  'snapshot.not_found',
  // credentials and permissions (exit 3)
  'auth.forbidden',
  'auth.missing_token',
  'auth.not_associated',
  'auth.not_configured',
  'auth.unauthorized',
  // HubSpot answered with an error (exit 4; the daily limit exit 5)
  'hubspot.conflict',
  'hubspot.daily_limit',
  'hubspot.network',
  'hubspot.not_found',
  'hubspot.not_set_up',
  'hubspot.partial_failure',
  'hubspot.rate_limited',
  'hubspot.request_failed',
  'hubspot.search_cap',
  'hubspot.server_error',
  'hubspot.validation',
  // a sync run (exit 6)
  'sync.aborted',
  'sync.checkpoint_corrupt',
  'sync.checkpoint_mismatch',
  'sync.checkpoint_missing',
  'sync.checkpoint_unwritable',
  'sync.nothing_to_resume',
  'sync.write_failed',
  // the rest (exit 1)
  'calibrate.insufficient_history',
  'incremental.write_failed',
  'plan.conflict',
  'plan.invalid',
  'plan.store_unavailable',
  'report.charts_missing',
  'task.no_owner',
  'task.unknown_recommendation',
] as const;
/** Every code a KeystoneError can carry: a closed list, so a new code is added here first. */
export type KeystoneErrorCode = (typeof KEYSTONE_ERROR_CODES)[number];

export class KeystoneError extends Error {
  readonly code: KeystoneErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: KeystoneErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KeystoneError';
    this.code = code;
    this.details = details;
  }
}

/** Works across module copies (tsx vs jest) where `instanceof` may not. */
export function isKeystoneError(value: unknown): value is KeystoneError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'KeystoneError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
