/**
 * The emulated portal the endpoint-function tests run against: started with a generated portfolio
 * in `beforeAll`, refilled from the same seed before each test, closed in `afterAll`. The deps
 * point an endpoint function (webhook, workflow action) at it, signed with the test secret.
 */
import type { RunningEmulator } from '../../../emulator';
import { silentLogger, type Logger } from '../../../src/engine/incremental';
import {
  TEST_CLIENT_SECRET,
  TEST_PROFILE_VARIABLES,
} from '../../../src/engine/incremental/test-utils/fixtures';
import { fillPortal, NOW, portalWithPortfolio, TOKEN } from '../../support/portal';

export type EndpointDeps = {
  env: Record<string, string>;
  basePath: string;
  now: () => Date;
  logger: Logger;
  profileVariables: Record<string, string>;
};

export type PortalFixture = {
  /** The running emulator; only inside a test or a hook. */
  readonly emulator: RunningEmulator;
  endpointDeps: () => EndpointDeps;
};

/** Registers the portal's jest hooks; call it at the top of a test file. */
export function usePortalFixture(companies: number): PortalFixture {
  let running: RunningEmulator | undefined;
  const current = (): RunningEmulator => {
    if (!running) throw new Error('the portal starts in beforeAll: use it inside a test or a hook');
    return running;
  };
  beforeAll(async () => {
    running = await portalWithPortfolio(companies);
  });
  beforeEach(async () => fillPortal(current(), companies));
  afterAll(() => running?.close());
  return {
    get emulator() {
      return current();
    },
    endpointDeps: () => ({
      env: { KEYSTONE_CLIENT_SECRET: TEST_CLIENT_SECRET, PRIVATE_APP_ACCESS_TOKEN: TOKEN },
      basePath: current().url,
      now: () => NOW,
      logger: silentLogger,
      profileVariables: TEST_PROFILE_VARIABLES,
    }),
  };
}
