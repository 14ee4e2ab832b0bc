/**
 * `@keystone/shared`: everything the HubSpot-built UI folders (cards, settings, pages) use from
 * outside their own folder, behind one name (docs/decisions/0001-component-bundles.md).
 *
 * Type-check and tests read this source (tsconfig `paths`, jest `moduleNameMapper`);
 * `npm run build:app` bundles what each folder imports from it into that folder's
 * `generated/keystone-shared/` package (ES module + .d.ts), which the folder's package.json lists
 * as a `file:` dependency, so HubSpot's per-folder build finds it. Only modules that import
 * nothing but `zod` and `react` belong here; test helpers do not (`@keystone/shared/test-utils`
 * exists for jest only).
 */
// enumerations, the kam_* property catalogue, catalogue texts and the explanation document
export * from '../engine/core/enums';
export * from '../engine/core/catalogue-texts';
export * from '../engine/hubspot/kam-properties';
export * from '../engine/hubspot/explanation-schema';
// a manager's tier pin: the core's one reading of it (the card shows the pin in force)
export { activePinOf, type TierPin } from '../engine/core/tier-pin';
// the organisation map (003): pure, reads enumerations only
export * from '../engine/core/organisation-map';
export * from '../engine/core/account-plan';
// the scoring model's schema and the shipped model
export * from '../engine/settings/model-schema';
export * from '../engine/settings/default-model';
// what each app function takes and answers, and how the UI calls one
export * from '../app/functions/contract/common';
export * from '../app/functions/contract/client';
export * from '../app/functions/contract/card';
export * from '../app/functions/contract/settings';
export * from '../app/functions/contract/plan';
export * from './portfolio';
// UI helpers
export * from './transport';
export * from './hooks/use-is-mounted';
