/** The sync module's public face: what the CLI and the app may import. */
export { FileCheckpoint, type SyncScope } from './checkpoint';
export { pinCompanyTier, type PinRequest } from './pin-company';
export { createPortfolioScorer } from './portfolio-scorer';
export { listCompanyPage, readAssociatedRecords, readCompaniesById } from './read-portfolio';
export { rescoreCompany } from './rescore-company';
export {
  CONTACT_KAM_FIELDS,
  readContactOfCompany,
  setContactKam,
  type ContactKamUpdate,
} from './set-contact-kam';
export { SCORE_HISTORY_PROPERTIES, scoreHistoryOf } from './score-history';
export { runSync, type ScoredCompany, type SyncResult, type SyncSummary, type TierChange } from './sync-run';
