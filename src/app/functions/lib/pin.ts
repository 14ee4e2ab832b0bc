/**
 * The checks on a pin that need the function's clock, which the contract schema cannot apply:
 * the expiry must lie ahead, and not too far ahead. Failures carry the field path for the card.
 */
import { KeystoneError } from '../../../engine/errors';
import type { PinRequest } from '../../../engine/sync';
import type { ActingUser } from '../contract/common';
import type { Strategy, Tier } from '../../../engine/core';

const DAY_MS = 24 * 3600_000;

export function pinRequestOf(
  params: {
    tier: Tier;
    strategy?: Strategy;
    reason: string;
    expiresAt: string;
    actingUser: ActingUser;
  },
  now: Date,
  maxDays: number,
): PinRequest {
  const expiresMs = Date.parse(params.expiresAt);
  const refuse = (message: string): never => {
    throw new KeystoneError('input.invalid', `keystone_pin_tier: expiresAt: ${message}`, {
      issues: [{ path: 'expiresAt', message }],
    });
  };
  if (expiresMs <= now.getTime()) refuse('must be in the future');
  if (expiresMs > now.getTime() + maxDays * DAY_MS) refuse(`must be at most ${maxDays} days from now`);
  return {
    tier: params.tier,
    strategy: params.strategy ?? null,
    reason: params.reason,
    expiresAt: new Date(expiresMs).toISOString(),
    // Recorded for the card and the audit trail; the page's claim, never a permission.
    pinnedBy: params.actingUser.email
      ? `${params.actingUser.email} (user ${params.actingUser.userId})`
      : `user ${params.actingUser.userId}`,
  };
}
