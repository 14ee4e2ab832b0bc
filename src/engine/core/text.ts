/**
 * Text in the product's two languages, and number formatting that never depends on the
 * machine's locale (results must be identical on every host).
 */
export type Language = 'en' | 'ru';

/** A text in English and Russian (the card shows the portal user's language). */
export type Localised = { en: string; ru: string };

const GROUP_SEPARATOR: Record<Language, string> = { en: ',', ru: '\u00a0' };
const DECIMAL_SEPARATOR: Record<Language, string> = { en: '.', ru: ',' };

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** A whole amount with thousands grouped: `12,345` / `12 345`. */
export function formatAmount(value: number, language: Language): string {
  const rounded = Math.round(Math.abs(value));
  const grouped = String(rounded).replace(THOUSANDS, GROUP_SEPARATOR[language]);
  return value < 0 && rounded !== 0 ? `-${grouped}` : grouped;
}

/** A number with up to `digits` decimals, trailing zeros dropped: `1.5` / `1,5`. */
export function formatDecimal(value: number, digits: number, language: Language): string {
  const factor = 10 ** digits;
  const text = String(Math.round(value * factor) / factor);
  return language === 'en' ? text : text.replace('.', DECIMAL_SEPARATOR[language]);
}

/** A share 0–1 as a whole percentage: `45%` (the same in both languages). */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Builds a `Localised` from one template function per language. */
export function localise(build: (language: Language) => string): Localised {
  return { en: build('en'), ru: build('ru') };
}

/**
 * A template literal tag that returns the text as one flat string. A plain template literal
 * gives V8 a tree of joined pieces (a few dozen objects per sentence); a portfolio run keeps every
 * company's sentences in memory at once, so texts kept in results are built with this tag
 * (see bench/score.bench.ts).
 * @example flat`${count} tickets in ${days} days`
 */
export function flat(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  const parts = flatParts;
  parts.length = 0;
  parts.push(strings[0]!);
  for (let index = 0; index < values.length; index += 1) parts.push(values[index]!, strings[index + 1]!);
  const text = parts.join('');
  parts.length = 0;
  return text;
}

// `flat`'s pieces: one scratch list reused by every call (synchronous, and join copies them out)
const flatParts: (string | number)[] = [];
