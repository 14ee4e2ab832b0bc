/** Calling the portfolio app function from the page. */
import { FUNCTION_NAMES, type FunctionRunner, type PortfolioAnswer } from '@keystone/shared';
import { readPortfolioAnswer } from './portfolio-data';

/** The function's uid in `src/app/functions/portfolio-analysis-hsmeta.json`. */
export const PORTFOLIO_FUNCTION_UID = FUNCTION_NAMES.portfolioAnalysis;

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
