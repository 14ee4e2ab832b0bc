/**
 * The project-profile variables the functions were built with (`npm run deploy -- --profile
 * <name>` → `scripts/build-app.ts --profile <name>`, which hands the profile's `variables` to
 * esbuild as `__KEYSTONE_PROFILE_VARIABLES__`). HubSpot substitutes the same file's values into
 * the hsmeta at upload, so an endpoint checks signatures against exactly the URL HubSpot calls.
 * Unbundled (tests, local runs) there are none: pass them in the deps instead.
 */
import { resolveProfileTemplate, type ProfileVariables } from '../../../engine/incremental';

declare const __KEYSTONE_PROFILE_VARIABLES__: ProfileVariables | undefined;

export function bundledProfileVariables(): ProfileVariables {
  return typeof __KEYSTONE_PROFILE_VARIABLES__ === 'undefined' ? {} : __KEYSTONE_PROFILE_VARIABLES__;
}

/** An hsmeta value (`${KEYSTONE_WEBHOOK_URL}`) as uploaded; `null` when the build had no value for it. */
export function resolvedMetaValue(template: string, variables?: ProfileVariables): string | null {
  return resolveProfileTemplate(template, variables ?? bundledProfileVariables());
}
