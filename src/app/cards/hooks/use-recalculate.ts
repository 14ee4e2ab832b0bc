import type { AddAlertAction } from '@hubspot/ui-extensions';
import { useCallback, useRef, useState } from 'react';
import {
  recalculateCompanyResultSchema,
  type RecalculateCompanyResult,
  FUNCTION_NAMES,
  type FunctionError,
  callFunction,
  type FunctionRunner,
  useIsMounted,
} from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

export type RecalculateSuccess = Extract<RecalculateCompanyResult, { ok: true }>;

export type RecalculateState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: RecalculateSuccess }
  | { status: 'failed'; error: FunctionError };

type Options = {
  runFunction: FunctionRunner;
  addAlert: AddAlertAction;
  messages: CardMessages;
  /** Called after the function wrote new values, to re-read them. */
  onChanged: () => Promise<void> | void;
};

/** "Recalculate": rescore this company through the app function, then re-read its properties. */
export function useRecalculate({ runFunction, addAlert, messages, onChanged }: Options) {
  const [state, setState] = useState<RecalculateState>({ status: 'idle' });
  const isRunning = useRef(false);
  const isMounted = useIsMounted();

  const recalculate = useCallback(async () => {
    if (isRunning.current) return;
    isRunning.current = true;
    setState({ status: 'running' });
    // The company id comes from the record the card is on, supplied by HubSpot, not from the card.
    const outcome = await callFunction(
      runFunction,
      FUNCTION_NAMES.recalculateCompany,
      { propertiesToSend: ['hs_object_id'] },
      recalculateCompanyResultSchema,
    );
    isRunning.current = false;
    if (!isMounted()) return;
    if (!outcome.ok) {
      setState({ status: 'failed', error: outcome.error });
      addAlert({ type: 'danger', title: messages.recalculateFailedTitle, message: outcome.error.message });
      return;
    }
    setState({ status: 'done', result: outcome.value });
    const changed = outcome.value.changedProperties.length > 0;
    addAlert({ type: 'success', message: changed ? messages.recalculated : messages.recalculatedNoChange });
    if (changed) await onChanged();
  }, [runFunction, addAlert, messages, onChanged, isMounted]);

  return { state, recalculate };
}
