/**
 * The one base error of Keystone's edges (adapter, sync, settings, CLI). `code` is stable and
 * namespaced (`hubspot.rate_limited`, `settings.invalid`, `sync.checkpoint_mismatch`); `details`
 * carries what someone needs to act on it: object type, ids, HTTP status, HubSpot's correlationId.
 * Never put the access token in a message or in details.
 */
export class KeystoneError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
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
