import { useCallback, useRef, useState } from 'react';
import {
  scoreHistoryResultSchema,
  type ScoreHistoryResult,
  FUNCTION_NAMES,
  type FunctionError,
  callFunction,
  type FunctionRunner,
  useIsMounted,
} from '@keystone/shared';

export type ScoreHistorySuccess = Extract<ScoreHistoryResult, { ok: true }>;

export type ScoreHistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; result: ScoreHistorySuccess }
  | { status: 'failed'; error: FunctionError };

/**
 * "Score trend": the company's score and tier over time from HubSpot's property history, through
 * `keystone_score_history`. Loaded when the user asks, so opening the card still calls no function.
 */
export function useScoreHistory(runFunction: FunctionRunner) {
  const [state, setState] = useState<ScoreHistoryState>({ status: 'idle' });
  const isRunning = useRef(false);
  const isMounted = useIsMounted();

  const load = useCallback(async () => {
    if (isRunning.current) return;
    isRunning.current = true;
    setState({ status: 'loading' });
    const outcome = await callFunction(
      runFunction,
      FUNCTION_NAMES.scoreHistory,
      { propertiesToSend: ['hs_object_id'] },
      scoreHistoryResultSchema,
    );
    isRunning.current = false;
    if (!isMounted()) return;
    setState(
      outcome.ok ? { status: 'done', result: outcome.value } : { status: 'failed', error: outcome.error },
    );
  }, [runFunction, isMounted]);

  return { state, load };
}
