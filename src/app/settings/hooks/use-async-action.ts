import { useCallback, useRef, useState } from 'react';
import { type CallOutcome, type FunctionError, useIsMounted } from '@keystone/shared';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: FunctionError };

/**
 * One function-backed action (preview, save, rollback): its state, and `run`, which ignores a
 * second start while the first is running and returns null for a result nobody can see any more.
 */
export function useAsyncAction<TArgs extends unknown[], T>(
  perform: (...args: TArgs) => Promise<CallOutcome<T>>,
) {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const isRunning = useRef(false);
  const isMounted = useIsMounted();

  const run = useCallback(
    async (...args: TArgs): Promise<CallOutcome<T> | null> => {
      if (isRunning.current) return null;
      isRunning.current = true;
      setState({ status: 'running' });
      const outcome = await perform(...args);
      isRunning.current = false;
      if (!isMounted()) return null;
      setState(
        outcome.ok ? { status: 'done', value: outcome.value } : { status: 'failed', error: outcome.error },
      );
      return outcome;
    },
    [perform, isMounted],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
