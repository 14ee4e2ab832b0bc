import type { AddAlertAction } from '@hubspot/ui-extensions';
import { useCallback, useRef, useState } from 'react';
import {
  type AccountPlan,
  type ActingUser,
  callFunction,
  FUNCTION_NAMES,
  type FunctionError,
  type FunctionRunner,
  getAccountPlanResultSchema,
  type GetAccountPlanResult,
  PLAN_HISTORY_LIMIT,
  saveAccountPlanResultSchema,
  type SaveAccountPlanResult,
  useIsMounted,
} from '@keystone/shared';
import type { PlanMessages } from '../lib/plan-messages';

/** The error code the save function answers when another version was saved after the one opened. */
export const PLAN_CONFLICT_CODE = 'plan.conflict';

export type AccountPlanLoaded = Extract<GetAccountPlanResult, { ok: true }>;
export type AccountPlanSaved = Extract<SaveAccountPlanResult, { ok: true }>;

export type AccountPlanState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; result: AccountPlanLoaded }
  | { status: 'failed'; error: FunctionError };

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; saved: AccountPlanSaved }
  | { status: 'failed'; error: FunctionError };

export type SaveRequest = { plan: AccountPlan; baseVersionId: string | null; note: string };

type Options = {
  runFunction: FunctionRunner;
  addAlert: AddAlertAction;
  messages: PlanMessages;
  actingUser: ActingUser;
  /** Called after a save, to re-read the record's kam_* properties (the save rescored the company). */
  onSaved: () => Promise<void> | void;
};

/**
 * The company's account plan through `keystone_get_account_plan` (on request, like the score
 * trend, so opening the card still calls no function) and `keystone_save_account_plan`. After a
 * save the plan and the record are read again: the function rescored the company, so
 * kam_plan_status, kam_plan_progress and the explanation's plan block have moved.
 */
export function useAccountPlan({ runFunction, addAlert, messages, actingUser, onSaved }: Options) {
  const [state, setState] = useState<AccountPlanState>({ status: 'idle' });
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const isLoading = useRef(false);
  const isSaving = useRef(false);
  const isMounted = useIsMounted();

  const load = useCallback(async (): Promise<AccountPlanLoaded | null> => {
    if (isLoading.current) return null;
    isLoading.current = true;
    setState({ status: 'loading' });
    const outcome = await callFunction(
      runFunction,
      FUNCTION_NAMES.getAccountPlan,
      { propertiesToSend: ['hs_object_id'], parameters: { historyLimit: PLAN_HISTORY_LIMIT } },
      getAccountPlanResultSchema,
    );
    isLoading.current = false;
    if (!isMounted()) return null;
    setState(
      outcome.ok ? { status: 'loaded', result: outcome.value } : { status: 'failed', error: outcome.error },
    );
    return outcome.ok ? outcome.value : null;
  }, [runFunction, isMounted]);

  const save = useCallback(
    async ({ plan, baseVersionId, note }: SaveRequest): Promise<SaveState | null> => {
      if (isSaving.current) return null;
      isSaving.current = true;
      setSaveState({ status: 'saving' });
      const outcome = await callFunction(
        runFunction,
        FUNCTION_NAMES.saveAccountPlan,
        {
          propertiesToSend: ['hs_object_id'],
          parameters: { plan, baseVersionId, note: note.trim(), actingUser },
        },
        saveAccountPlanResultSchema,
      );
      isSaving.current = false;
      if (!isMounted()) return null;
      if (!outcome.ok) {
        const error =
          outcome.error.code === PLAN_CONFLICT_CODE
            ? { ...outcome.error, message: messages.conflict }
            : outcome.error;
        const failed: SaveState = { status: 'failed', error };
        setSaveState(failed);
        addAlert({ type: 'danger', title: messages.saveFailedTitle, message: error.message });
        return failed;
      }
      const saved: SaveState = { status: 'saved', saved: outcome.value };
      setSaveState(saved);
      const { version } = outcome.value.saved;
      const { rescoreError } = outcome.value;
      // the save stands even when the rescoring after it failed: say so rather than offer a retry
      addAlert(
        rescoreError
          ? { type: 'warning', title: messages.savedTitle, message: messages.savedNotRescored(version) }
          : { type: 'success', title: messages.savedTitle, message: messages.saved(version) },
      );
      await Promise.all([load(), onSaved()]);
      return saved;
    },
    [runFunction, actingUser, addAlert, messages, onSaved, load, isMounted],
  );

  const clearSaveState = useCallback(() => setSaveState({ status: 'idle' }), []);

  return { state, load, saveState, save, clearSaveState };
}
