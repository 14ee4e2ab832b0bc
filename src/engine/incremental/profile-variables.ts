/**
 * Per-portal values of the HubSpot project (public URLs, support contacts) live in HubSpot
 * project profiles: `src/hsprofile.<name>.json` = `{ accountId, variables }`, referenced from the
 * `*-hsmeta.json` files as `${NAME}`. HubSpot's CLI substitutes them at upload
 * (`hs project upload --profile <name>`); Keystone reads the same file for the values it needs at
 * run time (the signed public URL of the webhook and workflow-action endpoints), so the URL HubSpot
 * calls and the URL the signature check uses cannot drift apart.
 *
 * The substitution mirrors `@hubspot/project-parsing-lib` (src/lib/profiles.js): `${key}` anywhere
 * in a string, values string, number or boolean, a missing key is an error.
 */
import { z } from 'zod';
import { KeystoneError } from '../errors';

/** The variables Keystone's hsmeta files reference. */
export const PROFILE_VARIABLES = {
  webhookUrl: 'KEYSTONE_WEBHOOK_URL',
  actionUrl: 'KEYSTONE_ACTION_URL',
  supportEmail: 'KEYSTONE_SUPPORT_EMAIL',
  supportUrl: 'KEYSTONE_SUPPORT_URL',
  documentationUrl: 'KEYSTONE_DOCUMENTATION_URL',
  supportPhone: 'KEYSTONE_SUPPORT_PHONE',
} as const;

export type ProfileVariables = Readonly<Record<string, string | number | boolean>>;

export const hsProfileSchema = z.object({
  accountId: z.number().int().positive(),
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type HsProfile = z.infer<typeof hsProfileSchema>;

export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** `hsprofile.<name>.json`, as HubSpot's parser names it (in the project's srcDir). */
export function hsProfileFilename(name: string): string {
  if (!PROFILE_NAME_PATTERN.test(name)) {
    throw new KeystoneError(
      'input.invalid',
      `profile name "${name}" may hold only letters, digits, "-" and "_"`,
    );
  }
  return `hsprofile.${name}.json`;
}

const VARIABLE_REFERENCE = /\$\{(.*?)\}/g;

/** The variable names a string references. */
export function referencedVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE_REFERENCE)].map((match) => match[1] ?? '');
}

/**
 * `template` with every `${key}` replaced by the profile's value; `null` when a referenced key
 * has no value (the caller says which).
 * @example resolveProfileTemplate('${KEYSTONE_WEBHOOK_URL}', { KEYSTONE_WEBHOOK_URL: 'https://kam.acme.com/hubspot/webhooks' })
 */
export function resolveProfileTemplate(template: string, variables: ProfileVariables): string | null {
  let missing = false;
  const resolved = template.replace(VARIABLE_REFERENCE, (_match, key: string) => {
    const value = Object.prototype.hasOwnProperty.call(variables, key) ? variables[key] : undefined;
    if (value === undefined) {
      missing = true;
      return '';
    }
    return String(value);
  });
  return missing ? null : resolved;
}

/**
 * Values an admin must still replace: unresolved `${...}`, example domains, 555 numbers,
 * loopback hosts. Each finding is `path: value`.
 */
export function findPlaceholders(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const placeholder =
      /\$\{[^}]*\}/.test(value) ||
      /(^|[./@])example\.(com|org|net)(\b|$)/i.test(value) ||
      /\.(invalid|test|localhost)(\/|$|:)/i.test(value) ||
      /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])/i.test(value) ||
      /^\+?1?[- ]?\(?800\)?[- ]?555[- ]?5555$/.test(value) ||
      /\b(changeme|todo|placeholder)\b/i.test(value);
    return placeholder ? [`${path || '(value)'}: ${value}`] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => findPlaceholders(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      findPlaceholders(item, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}

/** Where HubSpot's calls go: HubSpot-hosted endpoint functions, or a `kam serve` you run. */
export type EndpointTarget = 'functions' | 'serve';

/** The `endpoint.path` of the two endpoint functions' hsmeta (a test ties them together). */
export const FUNCTION_ENDPOINT_PATHS = {
  webhook: 'keystone-webhook',
  action: 'keystone-recalculate-action',
} as const;

/** The paths `kam serve` answers HubSpot on. */
export const SERVE_PATHS = {
  webhook: '/hubspot/webhooks',
  action: '/hubspot/workflow-action',
} as const;

/**
 * The two public URLs for a base URL: endpoint functions are served from
 * `https://<domain>/hs/serverless/<path>` (a domain connected to the portal, Content Hub
 * Enterprise), `kam serve` from its own host.
 * @example publicUrlsFor('serve', 'https://kam.acme.com') // { webhookUrl: 'https://kam.acme.com/hubspot/webhooks', … }
 */
export function publicUrlsFor(
  target: EndpointTarget,
  baseUrl: string,
): { webhookUrl: string; actionUrl: string } {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new KeystoneError(
      'input.invalid',
      `"${baseUrl}" is not a URL: give the public base URL with https://`,
    );
  }
  if (parsed.protocol !== 'https:' || parsed.search !== '' || parsed.hash !== '') {
    throw new KeystoneError(
      'input.invalid',
      `the public base URL must be https:// without query or fragment (HubSpot calls only HTTPS), got "${baseUrl}"`,
    );
  }
  const base = baseUrl.replace(/\/+$/, '');
  return target === 'functions'
    ? {
        webhookUrl: `${base}/hs/serverless/${FUNCTION_ENDPOINT_PATHS.webhook}`,
        actionUrl: `${base}/hs/serverless/${FUNCTION_ENDPOINT_PATHS.action}`,
      }
    : { webhookUrl: `${base}${SERVE_PATHS.webhook}`, actionUrl: `${base}${SERVE_PATHS.action}` };
}
