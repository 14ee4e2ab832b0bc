/** The card speaks the languages the methodology and the explanation document are written in. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** HubSpot sends `context.user.locale` as `ru`, `ru-RU` or `ru_RU`; anything else falls back to English. */
export function languageFromLocale(locale: string | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' ? 'ru' : 'en';
}

/** BCP 47 tag for `Intl` number and date formatting. */
export function intlLocale(language: Language): string {
  return language === 'ru' ? 'ru-RU' : 'en-US';
}
