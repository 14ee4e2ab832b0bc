/**
 * Text in the product's two languages, and number formatting that never depends on the
 * machine's locale (results must be identical on every host).
 */
export type Language = 'en' | 'ru';

/** A text in English and Russian (the card shows the portal user's language). */
export type Localised = { en: string; ru: string };

const GROUP_SEPARATOR: Record<Language, string> = { en: ',', ru: '\u00a0' };
const DECIMAL_SEPARATOR: Record<Language, string> = { en: '.', ru: ',' };

/** A whole amount with thousands grouped: `12,345` / `12 345`. */
export function formatAmount(value: number, language: Language): string {
  const rounded = Math.round(Math.abs(value));
  const digits = String(rounded);
  let grouped = '';
  for (let index = 0; index < digits.length; index += 1) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += GROUP_SEPARATOR[language];
    grouped += digits[index];
  }
  return value < 0 && rounded !== 0 ? `-${grouped}` : grouped;
}

/** A number with up to `digits` decimals, trailing zeros dropped: `1.5` / `1,5`. */
export function formatDecimal(value: number, digits: number, language: Language): string {
  const text = String(Number(value.toFixed(digits)));
  return text.replace('.', DECIMAL_SEPARATOR[language]);
}

/** A share 0–1 as a whole percentage: `45%` (the same in both languages). */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Builds a `Localised` from one template function per language. */
export function localise(build: (language: Language) => string): Localised {
  return { en: build('en'), ru: build('ru') };
}
