import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import { useMemo } from 'react';
import { CARD_PROPERTIES, readKamRecord, type KamRecord } from '../lib/kam-record';

export type KeyAccountRecordState = {
  record: KamRecord;
  isLoading: boolean;
  error: Error | null;
  refetch: () => Promise<void>;
};

/** The company's stored kam_* properties, read by HubSpot for the card (no function call). */
export function useKeyAccountRecord(): KeyAccountRecordState {
  const { properties, isLoading, error, refetch } = useCrmProperties(CARD_PROPERTIES);
  const record = useMemo(() => readKamRecord(properties), [properties]);
  return { record, isLoading, error, refetch };
}
