import {
  Alert,
  Button,
  DateInput,
  Flex,
  Input,
  LoadingButton,
  Select,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import {
  PIN_MAX_DAYS,
  PIN_REASON_MAX_LENGTH,
  SIGNED_USER_ADMIN_KEY,
  type FunctionError,
  STRATEGIES,
  TIERS,
  type Strategy,
  type Tier,
} from '@keystone/shared';
import type { PinRequest, PinTierOutcome } from '../hooks/use-pin-tier';
import type { TierPinView } from '../lib/kam-record';
import type { CardMessages } from '../lib/messages';
import {
  expiryBounds,
  expiryInstant,
  hasErrors,
  validateAdminKey,
  validatePinForm,
  type CalendarDay,
  type PinFormErrors,
  type PinFormField,
} from '../lib/pin-form';

type FieldMessages = Partial<Record<PinFormField, string>>;

type PinTierControlProps = {
  currentTier: Tier | null;
  pin: TierPinView | null;
  running: PinRequest['action'] | null;
  onSubmit: (request: PinRequest) => Promise<PinTierOutcome | null>;
  messages: CardMessages;
  /** False over `kam serve`: the signed user id decides, so the form asks for no key (`asksForAdminKey`). */
  askAdminKey?: boolean;
  /** The browser's clock; the function checks the expiry again against its own. */
  now?: () => Date;
};

type Mode = 'closed' | 'set' | 'clear';

const NO_STRATEGY = '';

/** "Pin tier" opens an inline form; "Remove pin" (only under an active pin) asks for the admin key. */
export const PinTierControl = ({
  currentTier,
  pin,
  running,
  onSubmit,
  messages,
  askAdminKey = true,
  now = () => new Date(),
}: PinTierControlProps) => {
  const initialAdminKey = askAdminKey ? '' : SIGNED_USER_ADMIN_KEY;
  const [mode, setMode] = useState<Mode>('closed');
  const [tier, setTier] = useState<Tier>(pin?.tier ?? currentTier ?? 'key');
  const [strategy, setStrategy] = useState<Strategy | null>(pin?.strategy ?? null);
  const [reason, setReason] = useState('');
  const [expiry, setExpiry] = useState<CalendarDay | null>(null);
  const [adminKey, setAdminKey] = useState(initialAdminKey);
  const [errors, setErrorMessages] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<FunctionError | null>(null);

  const setErrors = (found: PinFormErrors) =>
    setErrorMessages(
      Object.fromEntries(
        Object.entries(found).map(([field, error]) => [field, messages.pinErrors[error]]),
      ) as FieldMessages,
    );

  const open = (next: Mode) => {
    setMode(next);
    setErrorMessages({});
    setFailure(null);
  };

  const handleOutcome = (outcome: PinTierOutcome | null) => {
    if (!outcome) return;
    if (outcome.ok) {
      setMode('closed');
      setReason('');
      setExpiry(null);
      setAdminKey(initialAdminKey);
      setFailure(null);
      return;
    }
    setFailure(outcome.error);
    const { code, issues = [] } = outcome.error;
    // The function's own words next to the field it refused.
    const fromServer: FieldMessages = {};
    if (code.startsWith('auth.')) fromServer.adminKey = outcome.error.message;
    for (const issue of issues) {
      if (issue.path === 'expiresAt') fromServer.expiry = issue.message;
      if (issue.path === 'reason') fromServer.reason = issue.message;
      if (issue.path === 'adminKey') fromServer.adminKey = issue.message;
    }
    setErrorMessages(fromServer);
  };

  const submitPin = async () => {
    const found = validatePinForm({ tier, strategy, reason, expiry, adminKey }, now());
    setErrors(found);
    if (hasErrors(found) || expiry === null) return;
    setFailure(null);
    handleOutcome(
      await onSubmit({
        action: 'set',
        tier,
        strategy,
        reason,
        expiresAt: expiryInstant(expiry).toISOString(),
        adminKey,
      }),
    );
  };

  const submitClear = async () => {
    const found = validateAdminKey(adminKey);
    setErrors(found);
    if (hasErrors(found)) return;
    setFailure(null);
    handleOutcome(await onSubmit({ action: 'clear', adminKey }));
  };

  const errorText = (field: PinFormField) => errors[field];

  const adminKeyInput = askAdminKey && (
    <Input
      testId="kam-pin-admin-key"
      name="adminKey"
      type="password"
      label={messages.adminKeyLabel}
      description={messages.adminKeyDescription}
      required
      value={adminKey}
      error={errors.adminKey !== undefined}
      validationMessage={errorText('adminKey')}
      onChange={(value: string) => setAdminKey(value)}
    />
  );

  const failureAlert = failure && (
    <Alert
      testId="kam-pin-error"
      variant="danger"
      title={mode === 'clear' ? messages.unpinFailedTitle : messages.pinFailedTitle}
    >
      {failure.message}
    </Alert>
  );

  if (mode === 'closed') {
    return (
      <Flex direction="row" gap="xs" wrap>
        <Button testId="kam-pin-open" variant="secondary" size="sm" onClick={() => open('set')}>
          {pin ? messages.changePin : messages.pinTier}
        </Button>
        {pin && (
          <Button testId="kam-unpin-open" variant="secondary" size="sm" onClick={() => open('clear')}>
            {messages.removePin}
          </Button>
        )}
      </Flex>
    );
  }

  if (mode === 'clear') {
    return (
      <Tile testId="kam-unpin-form" compact>
        <Flex direction="column" gap="sm">
          {failureAlert}
          {adminKeyInput}
          <Flex direction="row" gap="xs">
            <LoadingButton
              testId="kam-unpin-submit"
              variant="destructive"
              loading={running === 'clear'}
              onClick={() => void submitClear()}
            >
              {messages.removePin}
            </LoadingButton>
            <Button testId="kam-pin-cancel" variant="secondary" onClick={() => setMode('closed')}>
              {messages.cancel}
            </Button>
          </Flex>
        </Flex>
      </Tile>
    );
  }

  const bounds = expiryBounds(now());
  return (
    <Tile testId="kam-pin-form" compact>
      <Flex direction="column" gap="sm">
        {failureAlert}
        <Select
          testId="kam-pin-tier"
          name="tier"
          label={messages.pinTierLabel}
          required
          value={tier}
          options={TIERS.map((value) => ({ value, label: messages.tierLabels[value] }))}
          onChange={(value) => setTier(value as Tier)}
        />
        <Select
          testId="kam-pin-strategy"
          name="strategy"
          label={messages.pinStrategyLabel}
          value={strategy ?? NO_STRATEGY}
          options={[
            { value: NO_STRATEGY, label: messages.pinStrategyNone },
            ...STRATEGIES.map((value) => ({ value, label: messages.strategyLabels[value] })),
          ]}
          onChange={(value) => setStrategy(value === NO_STRATEGY || !value ? null : (value as Strategy))}
        />
        <TextArea
          testId="kam-pin-reason"
          name="reason"
          label={messages.pinReasonLabel}
          required
          maxLength={PIN_REASON_MAX_LENGTH}
          value={reason}
          error={errors.reason !== undefined}
          validationMessage={errorText('reason')}
          onChange={(value: string) => setReason(value)}
        />
        <DateInput
          testId="kam-pin-expiry"
          name="expiresAt"
          label={messages.pinExpiryLabel}
          description={messages.pinExpiryDescription(PIN_MAX_DAYS)}
          required
          format="medium"
          min={bounds.min}
          max={bounds.max}
          value={expiry ?? undefined}
          error={errors.expiry !== undefined}
          validationMessage={errorText('expiry')}
          onChange={(value) =>
            setExpiry(value ? { year: value.year, month: value.month, date: value.date } : null)
          }
        />
        {adminKeyInput}
        <Flex direction="row" gap="xs">
          <LoadingButton testId="kam-pin-submit" loading={running === 'set'} onClick={() => void submitPin()}>
            {messages.pinSubmit}
          </LoadingButton>
          <Button testId="kam-pin-cancel" variant="secondary" onClick={() => setMode('closed')}>
            {messages.cancel}
          </Button>
        </Flex>
      </Flex>
    </Tile>
  );
};
