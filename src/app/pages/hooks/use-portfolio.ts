import { useEffect, useState } from 'react';
import type { FunctionRunner, PortfolioAnswer, PortfolioPageView } from '@keystone/shared';
import { fetchPortfolio, type PortfolioRequest } from '../lib/portfolio-function';

type PortfolioError = Extract<PortfolioAnswer, { ok: false }>['error'];

export type PortfolioState =
  | { status: 'loading' }
  | { status: 'error'; error: PortfolioError }
  | { status: 'ready'; data: PortfolioPageView };

/**
 * Loads the portfolio for a request and reloads when it changes or on `reload()`. An answer to an
 * older request is dropped, so a slow first call cannot overwrite a newer one.
 */
export function usePortfolio(
  runner: FunctionRunner,
  request: PortfolioRequest,
): {
  state: PortfolioState;
  reload: () => void;
} {
  const [state, setState] = useState<PortfolioState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'loading' });
    fetchPortfolio(runner, request).then((answer) => {
      if (!isCurrent) return;
      setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [runner, request.moversSince, request.listLimit, attempt]);
  return { state, reload: () => setAttempt((value) => value + 1) };
}
