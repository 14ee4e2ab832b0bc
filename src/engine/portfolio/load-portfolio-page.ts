/**
 * What the portfolio page's app function does, minus the platform: read the stored values page by
 * page (parsing each page and dropping its raw rows, so 10k+ companies fit in a function's
 * memory), analyse, and cut the result to page size. The read stops at `deadlineMs` so the function
 * answers inside its time budget; the answer then says which share of the portfolio it covers.
 */
import { isKeystoneError } from '../errors';
import type { CompanySearch } from '../hubspot/portfolio-reader';
import { readStoredPortfolio } from '../hubspot/portfolio-reader';
import { analysePortfolio, parseOptions } from './analyse-portfolio';
import {
  portfolioPageParametersSchema,
  toPortfolioPageData,
  type PortfolioFunctionResponse,
} from './page-data';
import { PORTFOLIO_PROPERTIES, appendParsedRow, emptyParsedPortfolio } from './portfolio-row';

export type LoadPortfolioPageOptions = {
  search: CompanySearch;
  /** The page's `context.parameters`, unparsed. */
  parameters: unknown;
  now: () => Date;
  /** Epoch ms after which no further search request starts. */
  deadlineMs?: number;
};

/**
 * Answers the portfolio page; expected failures come back as `{ ok: false, error }`, never thrown.
 *
 * @example
 * const answer = await loadPortfolioPage({ search: gatewayCompanySearch(gateway), parameters, now: () => new Date(), deadlineMs: Date.now() + 11_000 });
 */
export async function loadPortfolioPage(
  options: LoadPortfolioPageOptions,
): Promise<PortfolioFunctionResponse> {
  const parameters = parseOptions(portfolioPageParametersSchema, options.parameters);
  if (!parameters.ok) {
    return {
      ok: false,
      error: {
        code: 'input.invalid',
        message: 'invalid portfolio page parameters',
        issues: parameters.issues,
      },
    };
  }
  const { listLimit, ...analysisOptions } = parameters.value;
  const portfolio = emptyParsedPortfolio();
  try {
    const readStatus = await readStoredPortfolio(options.search, {
      properties: PORTFOLIO_PROPERTIES,
      onPage: (records) => {
        for (const record of records) appendParsedRow(portfolio, record);
      },
      shouldStop: () => options.deadlineMs !== undefined && options.now().getTime() >= options.deadlineMs,
    });
    const analysis = analysePortfolio(portfolio, options.now(), analysisOptions);
    if (!analysis.ok) {
      return {
        ok: false,
        error: {
          code: 'input.invalid',
          message: 'invalid portfolio page parameters',
          issues: analysis.issues,
        },
      };
    }
    return {
      ok: true,
      data: toPortfolioPageData(
        analysis.value,
        { complete: readStatus.complete, read: readStatus.read, total: readStatus.total },
        listLimit,
      ),
    };
  } catch (error) {
    if (isKeystoneError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}
