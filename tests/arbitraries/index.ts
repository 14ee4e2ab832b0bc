/** Shared fixtures and fast-check arbitraries for the core's tests (style §7). */
export * from './company-builders';
export * from './crm-values';
export * from './company-records';
export * from './scoring-model';
