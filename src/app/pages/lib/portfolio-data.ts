/**
 * Reading the portfolio function's answer. The shape is the function's own contract
 * (`PortfolioPageData` from `src/engine/portfolio/page-data.ts`, through `@keystone/shared`), so
 * the page and the function cannot drift apart at compile time; at run time an answer from a
 * deployment that does not match is an error value, never an exception.
 */
import type { PortfolioAnswer, PortfolioPageView } from '@keystone/shared';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const REQUIRED_SECTIONS = [
  'readStatus',
  'totals',
  'kaism',
  'strategy',
  'movers',
  'atRisk',
  'pareto',
] as const;

/** Version 1 with every section the page draws (`tierPlaces` may be absent: an older function). */
function isPortfolioPageView(data: Record<string, unknown>): data is PortfolioPageView {
  return data.v === 1 && REQUIRED_SECTIONS.every((section) => isObject(data[section]));
}

/**
 * Reads the function's answer. `hubspot.serverless` resolves with what the function returned;
 * an older runner wraps it as `{ status: 'SUCCESS', response }`, so both are accepted. Anything
 * else is an error value, never an exception.
 */
export function readPortfolioAnswer(raw: unknown): PortfolioAnswer {
  const answer = isObject(raw) && raw.status === 'SUCCESS' && 'response' in raw ? raw.response : raw;
  if (isObject(answer) && answer.ok === false && isObject(answer.error)) {
    const { code, message } = answer.error;
    if (typeof code === 'string' && typeof message === 'string')
      return { ok: false, error: { code, message } };
  }
  if (isObject(answer) && answer.ok === true && isObject(answer.data) && isPortfolioPageView(answer.data)) {
    return { ok: true, data: answer.data };
  }
  return {
    ok: false,
    error: {
      code: 'function.unexpected_response',
      message: 'The portfolio function answered in an unexpected shape.',
    },
  };
}
