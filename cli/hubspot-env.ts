/**
 * Where every networked command gets HubSpot from: `HUBSPOT_ACCESS_TOKEN` (never a flag, so it
 * stays out of shell history) and `HUBSPOT_BASE_URL` (default HubSpot's API host; point it at
 * the emulator). The token goes into the gateway and nowhere else: not into output, not into logs.
 */
import { createHash } from 'node:crypto';
import { KeystoneError } from '../src/engine/errors';
import {
  createGateway,
  HUBSPOT_API_BASE_URL,
  type CrmGateway,
  type GatewayOptions,
} from '../src/engine/hubspot';
import type { CliIo } from './output';

export type HubspotTarget = {
  gateway: CrmGateway;
  baseUrl: string;
  /** one-way id of base URL + token */ targetId: string;
};

export function hubspotFromEnv(
  io: CliIo,
  options: Omit<GatewayOptions, 'accessToken' | 'basePath'> = {},
): HubspotTarget {
  const token = io.env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (!token) {
    throw new KeystoneError(
      'auth.missing_token',
      'HUBSPOT_ACCESS_TOKEN is not set: export the private app access token (or run `npm run demo` to use the local emulator)',
    );
  }
  const baseUrl = (io.env.HUBSPOT_BASE_URL?.trim() || HUBSPOT_API_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new KeystoneError('input.invalid', `HUBSPOT_BASE_URL must be an http(s) URL, got "${baseUrl}"`);
  }
  const targetId = createHash('sha256').update(`${baseUrl}\n${token}`).digest('hex').slice(0, 16);
  return { gateway: createGateway({ ...options, accessToken: token, basePath: baseUrl }), baseUrl, targetId };
}
