/**
 * The frame every Keystone private app function shares, so each handler is a few lines: read the
 * token (only from `PRIVATE_APP_ACCESS_TOKEN`), parse `context.parameters` with the function's zod
 * schema, build the gateway, run, and turn every failure into `{ ok: false, error }` with a stable
 * code. A function never throws to HubSpot, whose generic error would hide the reason from the card.
 */
import { z } from 'zod';
import { isKeystoneError, KeystoneError } from '../../../engine/errors';
import {
  createGateway,
  HUBSPOT_API_BASE_URL,
  type CrmGateway,
  customObjectModelStores,
  customObjectPlanStores,
  type AccountPlanStoreFactory,
  type HubSpotAccountPlanStore,
  type ModelStoreFactory,
} from '../../../engine/hubspot';
import {
  createProcessLogger,
  ensureKeystoneInstalled,
  instanceKeyOf,
  logInstallation,
  type Logger,
} from '../../../engine/incremental';
import type { ModelStore } from '../../../engine/settings';
import type { FieldIssue, FunctionFailure } from '../contract/common';

export const ACCESS_TOKEN_ENV = 'PRIVATE_APP_ACCESS_TOKEN';
/** Where the HubSpot API is; set only for local runs and tests against the emulator. */
export const BASE_URL_ENV = 'HUBSPOT_BASE_URL';

// About 15 s per invocation: one retry after a 429 or 5xx may wait, three in a row may not.
const FUNCTION_MAX_RETRIES = 2;

export type FunctionDeps = {
  env: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  logger?: Logger;
  /** Where scoring models are stored; the custom object unless configured (kam serve --model-store). */
  modelStores?: ModelStoreFactory;
  /** Where account plans are stored; the custom object `kam_account_plan` unless a test passes another. */
  planStores?: AccountPlanStoreFactory;
};

/** What HubSpot passes to `main`: the card's `parameters` and the record's `propertiesToSend`. */
const contextSchema = z
  .object({
    parameters: z.unknown().optional(),
    propertiesToSend: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
export type FunctionContext = z.infer<typeof contextSchema>;

export type FunctionRun<P, R> = (input: {
  params: P;
  context: FunctionContext;
  gateway: CrmGateway;
  env: FunctionDeps['env'];
  now: () => Date;
  /** The configured model store for this call (settings/model-policy.ts says what is used when). */
  modelStore: () => ModelStore;
  /** The function's log (JSON lines on stderr, as HubSpot collects them). */
  logger: Logger;
  /** The account-plan store for this call. */
  planStore: () => HubSpotAccountPlanStore;
  /**
   * Creates or repairs the `kam_*` properties, the model store and the plan object, once per warm instance
   * (src/engine/incremental/self-install.ts). Functions that write call it, after their
   * permission checks, so a refused call changes nothing.
   */
  ensureInstalled: () => Promise<void>;
}) => Promise<R>;

export type AppFunction<R> = (context: unknown) => Promise<({ ok: true } & R) | FunctionFailure>;

const fail = (code: string, message: string, issues?: FieldIssue[]): FunctionFailure => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
});

const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

const fieldIssueListSchema = z.array(z.object({ path: z.string(), message: z.string() }));

function failureOf(error: unknown): FunctionFailure {
  if (isKeystoneError(error)) {
    const issues = fieldIssueListSchema.safeParse(error.details.issues);
    return fail(error.code, error.message, issues.success ? issues.data : undefined);
  }
  return fail('internal', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Builds `main` for one function.
 * @example export const main = defineAppFunction({ name, parameters: schema, run })({ env: process.env });
 */
export function defineAppFunction<S extends z.ZodType, R>(definition: {
  name: string;
  parameters: S;
  run: FunctionRun<z.output<S>, R>;
}): (deps: FunctionDeps) => AppFunction<R> {
  return (deps) => async (rawContext) => {
    const logger = deps.logger ?? createProcessLogger();
    const context = contextSchema.safeParse(rawContext ?? {});
    if (!context.success)
      return fail('input.invalid', `${definition.name}: the function context is not an object`);
    const params = definition.parameters.safeParse(context.data.parameters ?? {});
    if (!params.success) {
      const issues = issuesOf(params.error);
      return fail(
        'input.invalid',
        `${definition.name}: invalid parameters: ${issues.map((issue) => `${issue.path || '(parameters)'}: ${issue.message}`).join('; ')}`,
        issues,
      );
    }
    const accessToken = deps.env[ACCESS_TOKEN_ENV];
    if (!accessToken) {
      return fail(
        'auth.missing_token',
        `${definition.name}: ${ACCESS_TOKEN_ENV} is not set (HubSpot injects it into static-auth app functions)`,
      );
    }
    try {
      const basePath = deps.env[BASE_URL_ENV] || HUBSPOT_API_BASE_URL;
      const gateway = createGateway({ accessToken, basePath, maxRetries: FUNCTION_MAX_RETRIES });
      const ensureInstalled = async (): Promise<void> => {
        await ensureKeystoneInstalled(
          gateway,
          instanceKeyOf(basePath, accessToken),
          (report) => logInstallation(logger, report, `${definition.name}: `),
          deps.modelStores,
          deps.planStores,
        );
      };
      const now = deps.now ?? (() => new Date());
      const stores = deps.modelStores ?? customObjectModelStores;
      const planStores = deps.planStores ?? customObjectPlanStores;
      const result = await definition.run({
        params: params.data,
        context: context.data,
        gateway,
        env: deps.env,
        now,
        modelStore: () => stores.open({ gateway, now }),
        planStore: () => planStores.open({ gateway, now }),
        logger,
        ensureInstalled,
      });
      return { ok: true, ...result };
    } catch (error) {
      const failure = failureOf(error);
      // Refusals the caller can fix are warnings; HubSpot or code failures are errors.
      const isRefusal = /^(auth|input|settings|task|plan)\./.test(failure.error.code);
      (isRefusal ? logger.warn : logger.error)(`${definition.name} failed`, {
        code: failure.error.code,
        reason: failure.error.message,
      });
      return failure;
    }
  };
}

/**
 * The company a card function acts on: HubSpot's own `hs_object_id` from `propertiesToSend`
 * (the record the card is on) wins over a `companyId` parameter.
 */
export function companyIdOf(context: FunctionContext, companyIdParameter: string | undefined): string {
  const fromRecord = context.propertiesToSend?.hs_object_id;
  const id =
    typeof fromRecord === 'string' || typeof fromRecord === 'number'
      ? String(fromRecord)
      : companyIdParameter;
  if (!id || !/^[1-9]\d{0,19}$/.test(id)) {
    throw new KeystoneError(
      'input.invalid',
      'no company: send propertiesToSend [hs_object_id] or a companyId',
      {
        issues: [{ path: 'companyId', message: 'must be a HubSpot record id' }],
      },
    );
  }
  return id;
}
