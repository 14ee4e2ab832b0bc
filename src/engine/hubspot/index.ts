/** The hubspot module's public face: what the CLI and the app may import. */
export {
  PLAN_OBJECT_NAME,
  PLAN_STORE_UNAVAILABLE,
  createAccountPlanStore,
  customObjectPlanStores,
  ensureAccountPlanSchema,
  type AccountPlanStoreFactory,
  type HubSpotAccountPlanStore,
} from './account-plan-store';
export { explanationSchema } from './explanation-schema';
export {
  HUBSPOT_API_BASE_URL,
  SEARCH_PAGE_LIMIT,
  createGateway,
  type CrmGateway,
  type CrmObject,
  type GatewayOptions,
} from './gateway';
export {
  MODEL_STORE_KINDS,
  customObjectModelStores,
  ensureModelStoreSchema,
  type ModelStoreFactory,
} from './model-store';
export { gatewayCompanySearch, readStoredPortfolio } from './portfolio-reader';
export { ensureKamProperties } from './property-setup';
export { SCORED_COMPANY_PROPERTIES, scoredCompanyOf } from './scored-company';
