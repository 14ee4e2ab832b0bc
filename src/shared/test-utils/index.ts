/**
 * `@keystone/shared/test-utils`: helpers the UI folders' tests share. Mapped for jest and the
 * root type-check only (jest.config.js, tsconfig.json `paths`); `build:app` never bundles them, so
 * they never reach a production folder.
 */
export * from './text-content';
export * from './fetch-transport';
