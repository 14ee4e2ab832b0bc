/** Number and date display in the user's language (the card runs in a worker, which has Intl). */
import { intlLocale, type UiLanguage } from '@keystone/shared';

export function formatNumber(value: number, language: UiLanguage, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits }).format(value);
}

/** A 0–1 share as a percentage: 0.25 → "25%". */
export function formatShare(share: number, language: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** A growth ratio with its sign: 0.25 → "+25%". */
export function formatGrowth(growth: number, language: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(growth);
}
