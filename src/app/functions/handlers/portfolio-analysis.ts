/**
 * App function `keystone_portfolio_analysis`, called by the portfolio page: reads the `kam_*`
 * values the last scoring run stored (search API, never rescoring) and answers the page's view.
 * Bundled into dist/portfolio-analysis.js by scripts/build-app.ts (decision 0001).
 */
import { createGateway, HUBSPOT_API_BASE_URL, gatewayCompanySearch } from '../../../engine/hubspot';
import { loadPortfolioPage, type PortfolioFunctionResponse } from '../../../engine/portfolio';
import { BASE_URL_ENV } from '../lib/app-function';

// HubSpot gives an app function about 15 s: stop starting searches in time to analyse and answer.
export const READ_BUDGET_MS = 11_000;
// A 429 wait must not eat the whole budget; the page can be reloaded.
const MAX_RETRIES = 2;

export type PortfolioAnalysisDeps = {
  env: Readonly<Record<string, string | undefined>>;
  /** HubSpot's API; the emulator in tests. Unset: HUBSPOT_BASE_URL from env, as the other functions read it. */
  basePath?: string;
  now?: () => Date;
};

export async function portfolioAnalysis(
  context: unknown,
  deps: PortfolioAnalysisDeps,
): Promise<PortfolioFunctionResponse> {
  const accessToken = deps.env.PRIVATE_APP_ACCESS_TOKEN;
  if (!accessToken) {
    return {
      ok: false,
      error: { code: 'auth.missing_token', message: 'the app function has no PRIVATE_APP_ACCESS_TOKEN' },
    };
  }
  const now = deps.now ?? (() => new Date());
  const gateway = createGateway({
    accessToken,
    basePath: deps.basePath ?? (deps.env[BASE_URL_ENV] || HUBSPOT_API_BASE_URL),
    maxRetries: MAX_RETRIES,
  });
  const parameters =
    typeof context === 'object' && context !== null
      ? (context as { parameters?: unknown }).parameters
      : undefined;
  try {
    return await loadPortfolioPage({
      search: gatewayCompanySearch(gateway),
      parameters,
      now,
      deadlineMs: now().getTime() + READ_BUDGET_MS,
    });
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `portfolio analysis failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
}

export const main = (context: unknown): Promise<PortfolioFunctionResponse> =>
  portfolioAnalysis(context, { env: process.env });
