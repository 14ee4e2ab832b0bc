import type { AddAlertAction } from '@hubspot/ui-extensions';
import { useCallback, useRef, useState } from 'react';
import {
  pinTierResultSchema,
  type PinTierResult,
  FUNCTION_NAMES,
  type ActingUser,
  type FunctionError,
  callFunction,
  type FunctionRunner,
  type Strategy,
  type Tier,
  useIsMounted,
} from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

export type PinTierSuccess = Extract<PinTierResult, { ok: true }>;

export type PinRequest =
  | {
      action: 'set';
      tier: Tier;
      strategy: Strategy | null;
      reason: string;
      expiresAt: string;
      adminKey: string;
    }
  | { action: 'clear'; adminKey: string };

export type PinTierOutcome = { ok: true; value: PinTierSuccess } | { ok: false; error: FunctionError };

type Options = {
  runFunction: FunctionRunner;
  addAlert: AddAlertAction;
  messages: CardMessages;
  actingUser: ActingUser;
  /** Called after the function wrote the pin, to re-read the properties. */
  onChanged: () => Promise<void> | void;
};

/**
 * "Pin tier" and "Remove pin" through `keystone_pin_tier`. The company id comes from the record
 * (HubSpot sends `hs_object_id`); the admin key is checked inside the function, never here.
 */
export function usePinTier({ runFunction, addAlert, messages, actingUser, onChanged }: Options) {
  const [running, setRunning] = useState<PinRequest['action'] | null>(null);
  const isRunning = useRef(false);
  const isMounted = useIsMounted();

  const submit = useCallback(
    async (request: PinRequest): Promise<PinTierOutcome | null> => {
      if (isRunning.current) return null;
      isRunning.current = true;
      setRunning(request.action);
      const parameters =
        request.action === 'set'
          ? {
              action: 'set' as const,
              tier: request.tier,
              ...(request.strategy ? { strategy: request.strategy } : {}),
              reason: request.reason.trim(),
              expiresAt: request.expiresAt,
              adminKey: request.adminKey,
              actingUser,
            }
          : { action: 'clear' as const, adminKey: request.adminKey, actingUser };
      const outcome = await callFunction(
        runFunction,
        FUNCTION_NAMES.pinTier,
        { propertiesToSend: ['hs_object_id'], parameters },
        pinTierResultSchema,
      );
      isRunning.current = false;
      if (!isMounted()) return null;
      setRunning(null);
      if (!outcome.ok) {
        addAlert({
          type: 'danger',
          title: request.action === 'set' ? messages.pinFailedTitle : messages.unpinFailedTitle,
          message: outcome.error.message,
        });
        return outcome;
      }
      const tier = messages.tierLabels[outcome.value.tier];
      addAlert({
        type: 'success',
        title: request.action === 'set' ? messages.pinSavedTitle : messages.unpinSavedTitle,
        message: request.action === 'set' ? messages.pinSaved(tier) : messages.unpinSaved(tier),
      });
      await onChanged();
      return outcome;
    },
    [runFunction, addAlert, messages, actingUser, onChanged, isMounted],
  );

  return { running, submit };
}
