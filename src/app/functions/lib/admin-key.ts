/**
 * Who may save or roll back the scoring model (docs/decisions/0003-who-may-change-the-model.md)
 * and pin a company's tier (0004-who-may-pin.md): whoever knows the KEYSTONE_ADMIN_KEY secret. The function cannot verify who calls it from
 * anything the page sends, so the check is on knowledge of a secret the page never sees.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { KeystoneError } from '../../../engine/errors';
import type { ActingUser } from '../contract/common';

export const ADMIN_KEY_SECRET = 'KEYSTONE_ADMIN_KEY';
/**
 * HubSpot user ids allowed to act with the key, comma-separated, or `*` for anyone who has it. A
 * guard against honest mistakes with a shared key, not a security boundary: the id is the page's claim.
 */
export const ADMIN_USER_IDS_SECRET = 'KEYSTONE_ADMIN_USER_IDS';
// Long enough that guessing through function calls is hopeless.
export const MIN_ADMIN_KEY_LENGTH = 24;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Throws `auth.not_configured` or `auth.forbidden`; returns quietly for an admin. `action` names
 * what is refused, so the message tells the user which of the admin-only actions is off.
 */
export function requireAdmin(
  env: Readonly<Record<string, string | undefined>>,
  adminKey: string,
  actingUser: ActingUser,
  action: { doing: string; verb: string } = { doing: 'saving the scoring model', verb: 'save' },
): void {
  const secret = env[ADMIN_KEY_SECRET] ?? '';
  if (secret.length < MIN_ADMIN_KEY_LENGTH) {
    throw new KeystoneError(
      'auth.not_configured',
      `${action.doing} is off until a HubSpot super admin sets the secret ${ADMIN_KEY_SECRET} (at least ${MIN_ADMIN_KEY_LENGTH} characters): hs secret add ${ADMIN_KEY_SECRET}`,
    );
  }
  // Equal-length digests: timingSafeEqual needs them, and the comparison time says nothing about the key.
  if (!timingSafeEqual(digest(adminKey), digest(secret))) {
    throw new KeystoneError('auth.forbidden', 'the Keystone admin key is not correct');
  }
  const allowed = (env[ADMIN_USER_IDS_SECRET] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (allowed.length > 0 && !allowed.includes('*') && !allowed.includes(actingUser.userId)) {
    throw new KeystoneError(
      'auth.forbidden',
      `HubSpot user ${actingUser.userId} is not in ${ADMIN_USER_IDS_SECRET}; ask a Keystone admin to ${action.verb}`,
      { userId: actingUser.userId },
    );
  }
}
