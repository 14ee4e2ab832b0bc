/** Calling the portfolio app function from the page. */
import { readPortfolioAnswer, type PortfolioAnswer } from './portfolio-data';

/** The function's uid in `src/app/functions/portfolio-analysis-hsmeta.json`. */
export const PORTFOLIO_FUNCTION_UID = 'keystone_portfolio_analysis';

/** `hubspot.serverless` has this shape; the entry file passes it, tests pass a spy. */
export type FunctionRunner = (
  name: string,
  options: { parameters?: Record<string, string | number> },
) => Promise<unknown>;

export type PortfolioRequest = {
  /** `YYYY-MM-DD`: tier movers since this day. */
  moversSince: string;
  listLimit: number;
};

export async function fetchPortfolio(
  runner: FunctionRunner,
  request: PortfolioRequest,
): Promise<PortfolioAnswer> {
  try {
    return readPortfolioAnswer(
      await runner(PORTFOLIO_FUNCTION_UID, {
        parameters: { moversSince: request.moversSince, listLimit: request.listLimit },
      }),
    );
  } catch (error) {
    return {
      ok: false,
      error: { code: 'function.failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
