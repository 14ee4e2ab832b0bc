import { useCallback, useRef, useState } from 'react';
import {
  callFunction,
  FUNCTION_NAMES,
  setContactKamResultSchema,
  useIsMounted,
  type ContactKamFieldName,
  type FunctionError,
  type FunctionRunner,
  type SetContactKamResult,
} from '@keystone/shared';

export type SetContactKamSuccess = Extract<SetContactKamResult, { ok: true }>;

/** The person and the values to write: an option value, or '' to clear; fields left out stay. */
export type ContactKamEdit = { contactId: string } & Partial<Record<ContactKamFieldName, string>>;

export type ContactKamSaveState =
  | { status: 'idle' }
  | { status: 'saving'; contactId: string }
  | { status: 'saved'; value: SetContactKamSuccess }
  | { status: 'failed'; contactId: string; error: FunctionError };

type Options = {
  runFunction: FunctionRunner;
  /** Called after the function wrote the values and rescored the company, to read both again. */
  onSaved: () => Promise<void> | void;
};

/**
 * A person's influence, attitude and career through `keystone_set_contact_kam`. The company is the
 * record the card is on (HubSpot sends `hs_object_id`); the function checks the contact is its own.
 */
export function useSetContactKam({ runFunction, onSaved }: Options) {
  const [state, setState] = useState<ContactKamSaveState>({ status: 'idle' });
  const isRunning = useRef(false);
  const isMounted = useIsMounted();

  const save = useCallback(
    async (edit: ContactKamEdit): Promise<void> => {
      if (isRunning.current) return;
      isRunning.current = true;
      setState({ status: 'saving', contactId: edit.contactId });
      const outcome = await callFunction(
        runFunction,
        FUNCTION_NAMES.setContactKam,
        { propertiesToSend: ['hs_object_id'], parameters: edit },
        setContactKamResultSchema,
      );
      isRunning.current = false;
      if (!isMounted()) return;
      if (!outcome.ok) {
        setState({ status: 'failed', contactId: edit.contactId, error: outcome.error });
        return;
      }
      setState({ status: 'saved', value: outcome.value });
      await onSaved();
    },
    [runFunction, onSaved, isMounted],
  );

  const reset = useCallback(() => {
    if (!isRunning.current) setState({ status: 'idle' });
  }, []);

  return { state, save, reset };
}

export type ContactKamSaver = ReturnType<typeof useSetContactKam>;
