import { isKeystoneError } from '../src/engine/errors';

/** The one place that maps an error `code` namespace to a process exit code. */
export function exitCodeFor(error: unknown): number {
  if (!isKeystoneError(error)) return 1;
  const [namespace] = error.code.split('.');
  switch (namespace) {
    case 'input':
    case 'settings':
    case 'snapshot':
      return 2; // the user can fix the input
    case 'auth':
      return 3;
    case 'hubspot':
      return error.code === 'hubspot.daily_limit' ? 5 : 4;
    case 'sync':
      return 6;
    default:
      return 1;
  }
}
