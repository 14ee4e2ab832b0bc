/**
 * The portfolio function's contract as the page reads it: the engine's own types
 * (`src/engine/portfolio/page-data.ts`, what `keystone_portfolio_analysis` answers), never a copy,
 * plus the one allowance the page makes for an older deployment.
 */
import type { CompanyRef } from '../engine/portfolio/kaism-matrix';
import type {
  PortfolioFunctionError,
  PortfolioFunctionResponse,
  PortfolioPageData,
  PortfolioReadStatus,
} from '../engine/portfolio/page-data';
import type { AtRiskKey } from '../engine/portfolio/at-risk-keys';
import type { TierMove } from '../engine/portfolio/tier-movers';
import type { TierPlacesSummary } from '../engine/portfolio/tier-places';

export type {
  AtRiskKey,
  CompanyRef,
  PortfolioFunctionError,
  PortfolioFunctionResponse,
  PortfolioPageData,
  PortfolioReadStatus,
  TierMove,
  TierPlacesSummary,
};

/**
 * What the page shows: the function's `PortfolioPageData`, where `tierPlaces` may be absent (a
 * function deployed before tier capacity does not send it; the page then leaves that panel out).
 */
export type PortfolioPageView = Omit<PortfolioPageData, 'tierPlaces'> &
  Partial<Pick<PortfolioPageData, 'tierPlaces'>>;

/** What the page reads from an answer: the view, or the function's error as it is. */
export type PortfolioAnswer =
  | { ok: true; data: PortfolioPageView }
  | { ok: false; error: Pick<PortfolioFunctionError, 'code' | 'message'> };
