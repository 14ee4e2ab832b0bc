import { useCallback, useEffect, useState } from 'react';
import {
  callFunction,
  type FunctionRunner,
  FUNCTION_NAMES,
  type FunctionError,
  getModelResultSchema,
  type GetModelResult,
  useIsMounted,
} from '@keystone/shared';

export type LoadedModel = Extract<GetModelResult, { ok: true }>;

export type ModelLoadState =
  | { status: 'loading' }
  | { status: 'failed'; error: FunctionError }
  | { status: 'loaded'; data: LoadedModel };

export const HISTORY_LIMIT = 20;

/** The active model and its history, from the get-model function; `reload` after a save or rollback. */
export function useScoringModel(runFunction: FunctionRunner) {
  const [state, setState] = useState<ModelLoadState>({ status: 'loading' });
  const isMounted = useIsMounted();

  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    const outcome = await callFunction(
      runFunction,
      FUNCTION_NAMES.getModel,
      { parameters: { historyLimit: HISTORY_LIMIT } },
      getModelResultSchema,
    );
    if (!isMounted()) return;
    setState(
      outcome.ok ? { status: 'loaded', data: outcome.value } : { status: 'failed', error: outcome.error },
    );
  }, [runFunction, isMounted]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
