/**
 * A recommendation turned into a HubSpot task: associated with the company, owned by the company
 * owner, with the title and reason the company's stored explanation gives (never text sent by the
 * page). Idempotent per company, recommendation and UTC day: a second request finds the first
 * task by the key in its body and returns it.
 *
 * The lookup does not use search: HubSpot's search index lags writes by seconds, so a second
 * click within that lag would not see the first task. It reads the company's task associations
 * and the tasks themselves (both consistent at once), newest ids first, and stops at a page
 * created before today; only then, in case ids are not in creation order, search covers the rest.
 * Two requests in flight at the same moment can still both create; the card disables its button.
 */
import { KeystoneError } from '../../../engine/errors';
import { explanationSchema, type CrmGateway } from '../../../engine/hubspot';
import type { UiLanguage } from '../contract/client';

// HubSpot-defined association type "task to company".
const TASK_TO_COMPANY = 192;
// Due the next working day: a recommendation is not an emergency, but it should not wait.
const DUE_AFTER_MS = 24 * 60 * 60 * 1000;
const PRIORITY: Record<number, string> = { 1: 'HIGH', 2: 'MEDIUM', 3: 'LOW' };

export type TaskRequest = { companyId: string; recommendationId: string; language: UiLanguage; now: Date };

const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** The idempotency key, also written into the task body so people can see where the task came from. */
export const taskKeyOf = (request: Pick<TaskRequest, 'companyId' | 'recommendationId' | 'now'>): string =>
  `keystone:${request.companyId}:${request.recommendationId}:${dayOf(request.now)}`;

async function readCompany(gateway: CrmGateway, companyId: string) {
  const { records } = await gateway.batchRead(
    'companies',
    [companyId],
    ['name', 'hubspot_owner_id', 'kam_explanation'],
  );
  const company = records[0];
  if (!company)
    throw new KeystoneError('hubspot.not_found', `company ${companyId} does not exist`, { companyId });
  return company;
}

function recommendationOf(rawExplanation: string | null, request: TaskRequest) {
  let json: unknown = null;
  try {
    json = JSON.parse(rawExplanation ?? 'null');
  } catch {
    json = null;
  }
  const explanation = explanationSchema.safeParse(json);
  const recommendation = explanation.success
    ? explanation.data.recommendations.find((candidate) => candidate.id === request.recommendationId)
    : undefined;
  if (!recommendation) {
    throw new KeystoneError(
      'task.unknown_recommendation',
      `company ${request.companyId} has no current recommendation ${request.recommendationId}; recalculate and try again`,
      { companyId: request.companyId, recommendationId: request.recommendationId },
    );
  }
  return recommendation;
}

// Task ids read per batch: HubSpot's batch read limit.
const TASK_PAGE = 100;

type FoundTask = { id: string; subject: string };

/**
 * The company's task with this key, among its associated tasks read newest id first. `complete`
 * is false when the scan stopped at a page created before today without reading every task.
 */
async function findAmongAssociatedTasks(
  gateway: CrmGateway,
  companyId: string,
  key: string,
  now: Date,
): Promise<{ found: FoundTask | null; complete: boolean }> {
  const dayStart = Date.parse(`${dayOf(now)}T00:00:00.000Z`);
  const associated =
    (await gateway.batchReadAssociations('companies', 'tasks', [companyId])).get(companyId) ?? [];
  const newestFirst = [...associated].sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
  for (let start = 0; start < newestFirst.length; start += TASK_PAGE) {
    const page = newestFirst.slice(start, start + TASK_PAGE);
    const { records } = await gateway.batchRead('tasks', page, [
      'hs_task_subject',
      'hs_task_body',
      'hs_createdate',
    ]);
    const match = records.find((task) => (task.properties.hs_task_body ?? '').includes(key));
    if (match)
      return { found: { id: match.id, subject: match.properties.hs_task_subject ?? '' }, complete: true };
    const createdToday = records.some((task) => {
      const created = Date.parse(task.properties.hs_createdate ?? '');
      return Number.isNaN(created) || created >= dayStart;
    });
    if (!createdToday && start + TASK_PAGE < newestFirst.length) return { found: null, complete: false };
  }
  return { found: null, complete: true };
}

async function findTodaysTask(
  gateway: CrmGateway,
  companyId: string,
  subjects: readonly string[],
  key: string,
  now: Date,
): Promise<FoundTask | null> {
  const { found, complete } = await findAmongAssociatedTasks(gateway, companyId, key, now);
  if (found || complete) return found;
  const dayStart = Date.parse(`${dayOf(now)}T00:00:00.000Z`);
  const candidates = await gateway.searchAll('tasks', {
    // filter groups are ORed: the same recommendation in either language
    filterGroups: [...new Set(subjects)].map((subject) => ({
      filters: [
        { propertyName: 'hs_task_subject', operator: 'EQ', value: subject },
        { propertyName: 'hs_createdate', operator: 'GTE', value: String(dayStart) },
      ],
    })),
    properties: ['hs_task_subject', 'hs_task_body'],
  });
  const match = candidates.find((task) => (task.properties.hs_task_body ?? '').includes(key));
  return match ? { id: match.id, subject: match.properties.hs_task_subject ?? '' } : null;
}

export async function createRecommendationTask(
  gateway: CrmGateway,
  request: TaskRequest,
): Promise<{ taskId: string; created: boolean; subject: string }> {
  const company = await readCompany(gateway, request.companyId);
  const recommendation = recommendationOf(company.properties.kam_explanation ?? null, request);
  const ownerId = company.properties.hubspot_owner_id;
  if (!ownerId) {
    throw new KeystoneError(
      'task.no_owner',
      `company ${request.companyId} has no owner to assign the task to; set the company owner first`,
      { companyId: request.companyId },
    );
  }
  const key = taskKeyOf(request);
  const subject = recommendation.title[request.language];
  const existing = await findTodaysTask(
    gateway,
    request.companyId,
    [recommendation.title.en, recommendation.title.ru],
    key,
    request.now,
  );
  if (existing) return { taskId: existing.id, created: false, subject: existing.subject };

  const [task] = await gateway.batchCreate('tasks', [
    {
      properties: {
        hs_task_subject: subject,
        hs_task_body: `${recommendation.reason[request.language]}\n\nKeystone (${key})`,
        hs_timestamp: new Date(request.now.getTime() + DUE_AFTER_MS).toISOString(),
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: PRIORITY[recommendation.priority] ?? 'MEDIUM',
        hs_task_type: 'TODO',
        hubspot_owner_id: ownerId,
      },
      associations: [{ toId: request.companyId, typeId: TASK_TO_COMPANY }],
    },
  ]);
  if (!task)
    throw new KeystoneError(
      'hubspot.request_failed',
      `creating the task for company ${request.companyId} returned nothing`,
    );
  return { taskId: task.id, created: true, subject };
}
