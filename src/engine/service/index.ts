/** The service module's public face: what the CLI and the app may import. */
export { parseAdminUserIds, type AppOperation } from './app-fetch';
export { MODEL_STORE_FILE, fileModelStores } from './file-model-store';
export { RUN_KINDS, type RunKind } from './portfolio-runner';
export { DEFAULT_SCHEDULES, type Schedule } from './scheduler';
export { startService, type RunningService } from './service';
