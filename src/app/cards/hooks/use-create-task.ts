import type { AddAlertAction } from '@hubspot/ui-extensions';
import { useCallback, useRef, useState } from 'react';
import {
  createTaskResultSchema,
  type UiLanguage,
  FUNCTION_NAMES,
  callFunction,
  type FunctionRunner,
  useIsMounted,
} from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

type Options = {
  runFunction: FunctionRunner;
  addAlert: AddAlertAction;
  messages: CardMessages;
  language: UiLanguage;
};

/**
 * "Create task" on a recommendation. The function builds the task from the company's stored
 * explanation and is idempotent per company, recommendation and day, so a double click or a
 * second user gets the existing task back.
 */
export function useCreateTask({ runFunction, addAlert, messages, language }: Options) {
  const [runningId, setRunningId] = useState<string | null>(null);
  const running = useRef(new Set<string>());
  const isMounted = useIsMounted();

  const createTask = useCallback(
    async (recommendationId: string) => {
      if (running.current.has(recommendationId)) return;
      running.current.add(recommendationId);
      setRunningId(recommendationId);
      const outcome = await callFunction(
        runFunction,
        FUNCTION_NAMES.createTask,
        { propertiesToSend: ['hs_object_id'], parameters: { recommendationId, language } },
        createTaskResultSchema,
      );
      running.current.delete(recommendationId);
      if (!isMounted()) return;
      setRunningId(null);
      if (!outcome.ok) {
        addAlert({ type: 'danger', title: messages.taskFailedTitle, message: outcome.error.message });
        return;
      }
      const { created, subject } = outcome.value;
      addAlert({
        type: created ? 'success' : 'info',
        title: messages.taskCreatedTitle,
        message: created ? messages.taskCreated(subject) : messages.taskAlreadyExists(subject),
      });
    },
    [runFunction, addAlert, messages, language, isMounted],
  );

  return { runningId, createTask };
}
