/**
 * Where account development plans live (methodology §10, issue #21): the HubSpot custom object
 * `kam_account_plan`, one record per saved version, each associated with its company so the plan
 * shows on the company record. History is append-only: a save creates a record and makes it the
 * company's only current one. Every read is validated with `accountPlanSchema`, so a version that
 * no longer passes is reported with its field paths and never used as if it did.
 *
 * Reads never use search (its index lags writes by seconds, and a save must see the version saved
 * just before it). One company's versions come from the company's associations (strongly
 * consistent, one call) and a batch read; `currentPlans` pages through every plan record once with
 * the list API and batch-reads the JSON of the current versions only. A record counts for the
 * company its `company_id` names; one associated with another company is ignored there.
 *
 * Custom objects need HubSpot Enterprise: on a Professional portal the schemas API answers 403.
 * Reads then find no plans, and a save reports `plan.store_unavailable`, saying what to do.
 *
 * Write order (as the model store): the new record is created current first, then the older
 * current ones are switched off. If the second step fails, two are current for a moment and the
 * newest wins, so a reader never sees "no plan" halfway through a save.
 *
 * HubSpot has no conditional write, so the `baseVersionId` check alone would let two saves that
 * read the same state at the same moment both land. After creating its record a save reads the
 * company's versions again: if another current version it did not see was created before its own
 * (HubSpot's `hs_createdate`, then id), it archives its record and reports `plan.conflict`, so
 * exactly one of the two stands. (The archived record sits in HubSpot's recycle bin for 90 days;
 * no read of the store sees it.)
 */
import { z } from 'zod';
import {
  accountPlanSchema,
  type AccountPlan,
  type AccountPlanStore,
  type CurrentPlan,
  type PlanVersion,
  type StoredPlan,
} from '../core/account-plan';
import { toValidationIssues, type ValidationIssue } from '../core/validation';
import { KeystoneError, isKeystoneError } from '../errors';
import { historyLength, nextVersionLabel } from '../settings/model-store';
import {
  customObjectProperties,
  ensureCustomObject,
  findCustomObjectTypeId,
  type CustomObjectSpec,
} from './custom-object-schema';
import { crmObjectSchema, type CrmGateway, type CrmObject } from './gateway';

export const PLAN_OBJECT_NAME = 'kam_account_plan';

/** The code every write gets on a portal where plans cannot be stored (no custom objects). */
export const PLAN_STORE_UNAVAILABLE = 'plan.store_unavailable';

/** The custom object's properties, created by `ensureAccountPlanSchema`. */
export const PLAN_OBJECT_PROPERTIES = [
  { name: 'company_id', label: 'Company ID', type: 'string', fieldType: 'text' },
  { name: 'version', label: 'Version', type: 'string', fieldType: 'text' },
  { name: 'plan_json', label: 'Plan (JSON)', type: 'string', fieldType: 'textarea' },
  { name: 'saved_by_user_id', label: 'Saved by (user id)', type: 'string', fieldType: 'text' },
  { name: 'saved_by_email', label: 'Saved by (email)', type: 'string', fieldType: 'text' },
  { name: 'saved_at', label: 'Saved at', type: 'datetime', fieldType: 'date' },
  { name: 'note', label: 'Note', type: 'string', fieldType: 'textarea' },
  { name: 'is_current', label: 'Current version', type: 'enumeration', fieldType: 'booleancheckbox' },
  { name: 'next_review_on', label: 'Next review', type: 'date', fieldType: 'date' },
] as const;
const PROPERTY_NAMES = PLAN_OBJECT_PROPERTIES.map((property) => property.name);
// Enough to find each company's current version and next label without moving any plan's JSON.
// `hs_createdate` is HubSpot's own clock: it orders two saves that raced (see `save`).
const SUMMARY_PROPERTIES = [
  'company_id',
  'version',
  'saved_at',
  'saved_by_email',
  'is_current',
  'hs_createdate',
];

const COMPANY_ID = /^[1-9]\d{0,19}$/;

const associationLabelsSchema = z.object({
  results: z.array(
    z.object({
      category: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
      typeId: z.number().int(),
      label: z.string().nullable().optional(),
    }),
  ),
});

const schemaDefinition = {
  name: PLAN_OBJECT_NAME,
  description:
    'Keystone account development plans (goals, 4P strategy, resources, tactics, opportunities, reviews); one record per saved version.',
  labels: { singular: 'Account plan', plural: 'Account plans' },
  primaryDisplayProperty: 'version',
  secondaryDisplayProperties: ['saved_by_email', 'next_review_on'],
  searchableProperties: ['version', 'company_id', 'saved_by_email'],
  requiredProperties: ['company_id', 'version', 'plan_json'],
  // shows the plan versions on the company record
  associatedObjects: ['COMPANY'],
  properties: customObjectProperties(PLAN_OBJECT_PROPERTIES),
};

const PLAN_OBJECT: CustomObjectSpec = {
  definition: schemaDefinition,
  unavailable: {
    code: PLAN_STORE_UNAVAILABLE,
    message:
      'this HubSpot portal refused the custom object schemas API (403): account plans are stored in the custom object kam_account_plan, which needs custom objects (an Enterprise subscription) and an app with the crm.schemas.custom.read/write and crm.objects.custom.read/write scopes. Scoring works without plans; upgrade the portal or add the scopes, then run kam setup again.',
  },
};

const findObjectTypeId = (gateway: CrmGateway): Promise<string | null> =>
  findCustomObjectTypeId(gateway, PLAN_OBJECT);

/**
 * Creates the `kam_account_plan` custom object, associated with companies, when the portal does
 * not have it (`kam setup`, self-install and the first save); returns its objectTypeId.
 * `plan.store_unavailable` on a portal without custom objects.
 */
export function ensureAccountPlanSchema(
  gateway: CrmGateway,
): Promise<{ objectTypeId: string; created: boolean }> {
  return ensureCustomObject(gateway, PLAN_OBJECT);
}

const property = (record: CrmObject, name: string): string => record.properties[name] ?? '';
const isCurrent = (record: CrmObject): boolean => property(record, 'is_current') === 'true';

/** Whether HubSpot created `a` before `b` (its creation time, then its id). */
const createdBefore = (a: CrmObject, b: CrmObject): boolean => {
  const byTime =
    (Date.parse(property(a, 'hs_createdate')) || 0) - (Date.parse(property(b, 'hs_createdate')) || 0);
  return byTime < 0 || (byTime === 0 && Number(a.id) < Number(b.id));
};

function conflictError(
  companyId: string,
  baseVersionId: string | null,
  current: CrmObject | null,
  reason: string,
): KeystoneError {
  return new KeystoneError(
    'plan.conflict',
    current
      ? `the account plan of company ${companyId} was saved as ${property(current, 'version')} by ${property(current, 'saved_by_email') || 'another user'} (${property(current, 'saved_at')}) ${reason}; reload the plan and make the changes again. Nothing was saved`
      : `company ${companyId} has no current account plan, but this edit started from version ${baseVersionId}; reload the plan. Nothing was saved`,
    {
      companyId,
      baseVersionId,
      currentVersionId: current?.id ?? null,
      currentVersion: current ? property(current, 'version') : null,
    },
  );
}

const newestFirst = (a: CrmObject, b: CrmObject): number =>
  (Date.parse(property(b, 'saved_at')) || 0) - (Date.parse(property(a, 'saved_at')) || 0) ||
  Number(b.id) - Number(a.id);

function issuesOf(error: z.ZodError): ValidationIssue[] {
  return toValidationIssues(error.issues).map((issue) => ({ ...issue, path: issue.path || '(plan)' }));
}

function readVersion(record: CrmObject): {
  version: PlanVersion;
  plan: AccountPlan | null;
  content: unknown;
} {
  let issues: ValidationIssue[] = [];
  let plan: AccountPlan | null = null;
  let content: unknown = null;
  try {
    content = JSON.parse(property(record, 'plan_json'));
    const parsed = accountPlanSchema.safeParse(content);
    if (parsed.success) plan = parsed.data;
    else issues = issuesOf(parsed.error);
  } catch {
    issues = [{ path: 'plan_json', message: 'is not valid JSON' }];
  }
  return {
    plan,
    content,
    version: {
      versionId: record.id,
      companyId: property(record, 'company_id'),
      version: property(record, 'version'),
      savedAt: property(record, 'saved_at'),
      savedBy: { userId: property(record, 'saved_by_user_id'), email: property(record, 'saved_by_email') },
      note: property(record, 'note'),
      isCurrent: isCurrent(record),
      isValid: issues.length === 0,
      issues,
    },
  };
}

function toStoredPlan(version: PlanVersion, plan: AccountPlan): StoredPlan {
  const { isValid: _isValid, issues: _issues, ...rest } = version;
  return { ...rest, plan };
}

function currentPlanOf(record: CrmObject): CurrentPlan {
  const { version, plan, content } = readVersion(record);
  return plan ? { ok: true, stored: toStoredPlan(version, plan) } : { ok: false, version, content };
}

/** The plan as it is saved; `plan.invalid` naming every field otherwise (nothing is saved). */
function planToSave(plan: unknown, companyId: string): { plan: AccountPlan; json: string } {
  const parsed = accountPlanSchema.safeParse(plan);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new KeystoneError(
      'plan.invalid',
      `the account plan of company ${companyId} fails validation at ${issues.map((issue) => issue.path).join(', ')}; nothing was saved`,
      { companyId, issues },
    );
  }
  const json = JSON.stringify(parsed.data);
  return { plan: parsed.data, json };
}

export type AccountPlanStoreOptions = { gateway: CrmGateway; now?: () => Date };

/** The HubSpot plan store, plus whether plans can exist in this portal at all (the card says so). */
export interface HubSpotAccountPlanStore extends AccountPlanStore {
  /** False on a portal without custom objects (the schemas API answers 403). */
  isAvailable(): Promise<boolean>;
}

/**
 * The plan store over the `kam_account_plan` custom object. The object type and its company
 * association type are looked up once per store (one function invocation).
 * @example const plan = await createAccountPlanStore({ gateway, now: () => new Date() }).current('123')
 */
export function createAccountPlanStore({
  gateway,
  now = () => new Date(),
}: AccountPlanStoreOptions): HubSpotAccountPlanStore {
  let objectTypeId: Promise<string | null> | null = null;
  let companyAssociation: Promise<{ category: string; typeId: number }> | null = null;
  const lookUpType = (): Promise<string | null> => {
    const lookup = (objectTypeId ??= findObjectTypeId(gateway));
    // a failed lookup (network, 5xx) is tried again by the next call
    lookup.catch(() => {
      if (objectTypeId === lookup) objectTypeId = null;
    });
    return lookup;
  };
  /** For reads: a portal without custom objects has no plans. */
  const lookUpReadableType = async (): Promise<string | null> => {
    try {
      return await lookUpType();
    } catch (error) {
      if (isKeystoneError(error) && error.code === PLAN_STORE_UNAVAILABLE) return null;
      throw error;
    }
  };
  const requireType = async (): Promise<string> => {
    const known = await lookUpType();
    if (known) return known;
    const ensured = ensureAccountPlanSchema(gateway).then((result) => result.objectTypeId);
    objectTypeId = ensured;
    return ensured;
  };

  /** The plan object's default (unlabelled) association type to companies, as HubSpot lists it. */
  const lookUpCompanyAssociation = (type: string): Promise<{ category: string; typeId: number }> =>
    (companyAssociation ??= (async () => {
      const response = await gateway.send(
        `GET /crm/v4/associations/${PLAN_OBJECT_NAME}/companies/labels`,
        () => gateway.client.crm.associations.v4.schema.definitionsApi.getAllWithHttpInfo(type, 'companies'),
      );
      const labels = associationLabelsSchema.parse(response.data).results;
      const unlabelled = labels.find((label) => !label.label) ?? labels[0];
      if (!unlabelled) {
        companyAssociation = null;
        throw new KeystoneError(
          'hubspot.not_set_up',
          `the custom object ${PLAN_OBJECT_NAME} (${type}) is not associated with companies in this portal; add the association in HubSpot (Settings › Objects › Custom objects › Associations) or delete the object and run kam setup again`,
          { objectTypeId: type },
        );
      }
      return { category: unlabelled.category, typeId: unlabelled.typeId };
    })());

  /** The company's versions (summary fields), newest first, through its associations. */
  async function companySummaries(type: string, companyId: string): Promise<CrmObject[]> {
    const associated = await gateway.batchReadAssociations('companies', type, [companyId]);
    const ids = associated.get(companyId) ?? [];
    if (ids.length === 0) return [];
    const { records } = await gateway.batchRead(type, ids, SUMMARY_PROPERTIES);
    return records.filter((record) => property(record, 'company_id') === companyId).sort(newestFirst);
  }

  async function readFull(type: string, ids: readonly string[]): Promise<CrmObject[]> {
    if (ids.length === 0) return [];
    const { records } = await gateway.batchRead(type, ids, PROPERTY_NAMES);
    return records.sort(newestFirst);
  }

  async function requireCompany(companyId: string): Promise<void> {
    const { records } = await gateway.batchRead('companies', [companyId], ['hs_object_id']);
    if (records.length === 0) {
      throw new KeystoneError(
        'hubspot.not_found',
        `company ${companyId} does not exist or was deleted; its account plan was not saved`,
        { companyId },
      );
    }
  }

  return {
    async isAvailable() {
      try {
        await lookUpType();
        return true;
      } catch (error) {
        if (isKeystoneError(error) && error.code === PLAN_STORE_UNAVAILABLE) return false;
        throw error;
      }
    },

    async current(companyId) {
      const type = await lookUpReadableType();
      if (!type) return null;
      // More than one is current only after an interrupted save; the newest wins (file comment).
      const newestCurrent = (await companySummaries(type, companyId)).find(isCurrent);
      if (!newestCurrent) return null;
      const [record] = await readFull(type, [newestCurrent.id]);
      return record ? currentPlanOf(record) : null;
    },

    async save(companyId, plan, meta) {
      if (!COMPANY_ID.test(companyId)) {
        throw new KeystoneError(
          'input.invalid',
          `company id must be a HubSpot record id, got "${companyId}"`,
          {
            issues: [{ path: 'companyId', message: 'must be a HubSpot record id' }],
          },
        );
      }
      const toSave = planToSave(plan, companyId);
      const type = await requireType();
      await requireCompany(companyId);
      const summaries = await companySummaries(type, companyId);
      const current = summaries.find(isCurrent) ?? null;
      if ((current?.id ?? null) !== meta.baseVersionId) {
        const started = meta.baseVersionId ? `version ${meta.baseVersionId}` : 'no plan';
        throw conflictError(
          companyId,
          meta.baseVersionId,
          current,
          `after this edit started from ${started}`,
        );
      }
      const label = nextVersionLabel(summaries.map((record) => property(record, 'version')));
      const association = await lookUpCompanyAssociation(type);
      const properties = {
        company_id: companyId,
        version: label,
        plan_json: toSave.json,
        saved_by_user_id: meta.userId,
        saved_by_email: meta.userEmail,
        saved_at: now().toISOString(),
        note: meta.note,
        is_current: 'true',
        next_review_on: toSave.plan.nextReviewOn,
      };
      const response = await gateway.send(
        `POST /crm/v3/objects/${PLAN_OBJECT_NAME}`,
        () =>
          gateway.client.crm.objects.basicApi.createWithHttpInfo(type, {
            properties,
            associations: [
              {
                to: { id: companyId },
                types: [
                  {
                    associationCategory: association.category as never,
                    associationTypeId: association.typeId,
                  },
                ],
              },
            ],
          }),
        { context: { objectType: PLAN_OBJECT_NAME, companyId } },
      );
      const created = crmObjectSchema.parse(response.data);
      // HubSpot has no conditional write: a save that passed the same check at the same moment
      // shows up now. The one HubSpot created first stands; a later one takes itself back.
      const seen = new Set(summaries.map((record) => record.id));
      const earlierRival = (await companySummaries(type, companyId)).find(
        (record) =>
          isCurrent(record) &&
          !seen.has(record.id) &&
          record.id !== created.id &&
          createdBefore(record, created),
      );
      if (earlierRival) {
        await gateway.send(`DELETE /crm/v3/objects/${PLAN_OBJECT_NAME}/{id}`, () =>
          gateway.client.crm.objects.basicApi.archiveWithHttpInfo(type, created.id),
        );
        const [rival] = await gateway
          .batchRead(type, [earlierRival.id], PROPERTY_NAMES)
          .then((read) => read.records);
        throw conflictError(
          companyId,
          meta.baseVersionId,
          rival ?? earlierRival,
          'at the same moment as this save',
        );
      }
      const stale = summaries.filter((record) => isCurrent(record) && record.id !== created.id);
      if (stale.length > 0) {
        await gateway.send(`POST /crm/v3/objects/${PLAN_OBJECT_NAME}/batch/update`, () =>
          gateway.client.crm.objects.batchApi.updateWithHttpInfo(type, {
            inputs: stale.map((record) => ({ id: record.id, properties: { is_current: 'false' } })),
          }),
        );
      }
      const { version } = readVersion({ id: created.id, properties });
      return toStoredPlan(version, toSave.plan);
    },

    async history(companyId, limit) {
      const type = await lookUpReadableType();
      if (!type) return [];
      const newest = (await companySummaries(type, companyId)).slice(0, historyLength(limit));
      const records = await readFull(
        type,
        newest.map((record) => record.id),
      );
      return records.map((record) => readVersion(record).version);
    },

    async currentPlans() {
      const plans = new Map<string, CurrentPlan>();
      const type = await lookUpReadableType();
      if (!type) return plans;
      const newestCurrent = new Map<string, CrmObject>();
      let after: string | undefined;
      do {
        const page = await gateway.listPage(type, SUMMARY_PROPERTIES, after);
        for (const record of page.results) {
          const companyId = property(record, 'company_id');
          if (!isCurrent(record) || !COMPANY_ID.test(companyId)) continue;
          const known = newestCurrent.get(companyId);
          if (!known || newestFirst(record, known) < 0) newestCurrent.set(companyId, record);
        }
        after = page.after;
      } while (after);
      const records = await readFull(
        type,
        [...newestCurrent.values()].map((record) => record.id),
      );
      for (const record of records) plans.set(property(record, 'company_id'), currentPlanOf(record));
      return plans;
    },
  };
}

/**
 * How the functions and `kam serve` get a plan store: opened per request from its gateway and
 * clock, and installed (the custom object) by self-install and `kam setup`.
 */
export type AccountPlanStoreFactory = {
  open(deps: { gateway: CrmGateway; now: () => Date }): HubSpotAccountPlanStore;
  install(gateway: CrmGateway): Promise<{ objectTypeId: string; created: boolean }>;
};

/** The default plan store: the custom object `kam_account_plan`. */
export const customObjectPlanStores: AccountPlanStoreFactory = {
  open: (deps) => createAccountPlanStore(deps),
  install: (gateway) => ensureAccountPlanSchema(gateway),
};
