/**
 * The account plan's words in English and Russian (methodology §10), apart from messages.ts so the
 * plan section and its editor stay in one place. Enumeration labels are keyed by the core's
 * `as const` values, so a new value without a label fails the type check.
 */
import type {
  EffortLevel,
  OpportunityKind,
  PlanGoalMetric,
  PlanGoalStatus,
  PlanStatus,
  UiLanguage,
} from '@keystone/shared';

export type PlanMessages = {
  heading: string;
  statusLabels: Record<PlanStatus, string>;
  nextReview: (day: string) => string;
  progress: (share: string, measurable: number) => string;
  noMeasurableGoals: string;
  show: string;
  loading: string;
  loadFailedTitle: string;
  writeKey: string;
  noPlanKey: string;
  writeOther: string;
  noPlanOther: string;
  storeUnavailableTitle: string;
  storeUnavailableBody: string;
  invalidTitle: (version: string) => string;
  invalidBody: string;
  goals: string;
  noGoals: string;
  goalColumns: { goal: string; target: string; status: string };
  goalStatusLabels: Record<PlanGoalStatus, string>;
  /** "won revenue ≥ 400,000" */
  targetTexts: {
    won_revenue_12m: (amount: string) => string;
    purchases_12m: (count: string) => string;
    buying_centre_coverage: (share: string) => string;
    kaism_quadrant: (quadrant: string) => string;
    tier: (tier: string) => string;
  };
  inWords: string;
  byDeadline: (target: string, day: string) => string;
  there: (share: string) => string;
  now: (actual: string) => string;
  notAssessed: string;
  assessedOther: (version: string) => string;
  clientGoal: (text: string) => string;
  clientGoals: string;
  strategy: string;
  strategyLabels: { product: string; price: string; promotion: string; place: string };
  resources: string;
  tactics: string;
  opportunities: string;
  noOpportunities: string;
  rankedByPayoff: string;
  inPlanOrder: string;
  opportunityColumns: { opportunity: string; kind: string; effort: string; payoff: string };
  kindLabels: Record<OpportunityKind, string>;
  levelLabels: Record<EffortLevel, string>;
  effortText: (time: string, money: string, people: string) => string;
  owner: string;
  ownerUser: (id: string) => string;
  noOwner: string;
  lastReviewed: string;
  versions: string;
  versionLine: (version: string, who: string, when: string) => string;
  versionNote: (note: string) => string;
  currentVersion: string;
  invalidVersion: string;
  edit: string;
  markReviewed: string;
  reviewedNote: string;
  // editor
  editorTitle: string;
  ownerLabel: string;
  /** A rule on the plan as a whole (its stored size). */
  wholePlan: string;
  ownerDescription: string;
  goalTitle: string;
  goalClientGoal: string;
  goalSetOn: string;
  goalDeadline: string;
  goalMetric: string;
  noTarget: string;
  metricLabels: Record<PlanGoalMetric, string>;
  targetValue: Record<'won_revenue_12m' | 'purchases_12m' | 'buying_centre_coverage', string>;
  targetQuadrant: string;
  targetTier: string;
  addGoal: string;
  removeGoal: string;
  goalNumber: (n: number) => string;
  opportunityTitle: string;
  opportunityKind: string;
  effortTime: string;
  effortMoney: string;
  effortPeople: string;
  payoff: string;
  notes: string;
  addOpportunity: string;
  removeOpportunity: string;
  opportunityNumber: (n: number) => string;
  nextReviewLabel: string;
  noteLabel: string;
  noteDescription: string;
  save: string;
  cancel: string;
  saving: string;
  savedTitle: string;
  saved: (version: string) => string;
  savedNotRescored: (version: string) => string;
  saveFailedTitle: string;
  conflict: string;
  reload: string;
  checkFieldsTitle: string;
  limitReached: (count: number) => string;
  /** Field issues from the schema: the English text is the schema's own; Russian is translated. */
  issue: (issue: { code: string; message: string; minimum?: unknown; maximum?: unknown }) => string;
};

const en: PlanMessages = {
  heading: 'Account plan',
  statusLabels: {
    none: 'No plan',
    current: 'Plan current',
    review_due: 'Review due',
    overdue: 'Review overdue',
  },
  nextReview: (day) => `Next review: ${day}`,
  progress: (share, measurable) =>
    `${share} of ${measurable} measurable goal${measurable === 1 ? '' : 's'} achieved or on track`,
  noMeasurableGoals: 'No goal is measured by Keystone.',
  show: 'Show account plan',
  loading: 'Loading the account plan…',
  loadFailedTitle: 'Account plan unavailable',
  writeKey: 'Write the account plan',
  noPlanKey:
    'This key account has no development plan: goals that mirror the client’s, strategy, resources, tactics and ranked opportunities, reviewed regularly.',
  writeOther: 'Write a plan',
  noPlanOther: 'No account plan.',
  storeUnavailableTitle: 'Plans cannot be stored in this portal',
  storeUnavailableBody:
    'Account plans are kept in a HubSpot custom object, which needs an Enterprise subscription. Keystone’s scores work without them.',
  invalidTitle: (version) => `The stored plan ${version} does not pass validation`,
  invalidBody:
    'Keystone does not use it until a valid version is saved. The editor starts from an empty plan on top of it.',
  goals: 'Goals',
  noGoals: 'No goals yet.',
  goalColumns: { goal: 'Goal', target: 'Target and progress', status: 'Status' },
  goalStatusLabels: {
    achieved: 'Achieved',
    on_track: 'On track',
    behind: 'Behind',
    missed: 'Missed',
    not_measured: 'Not measured',
  },
  targetTexts: {
    won_revenue_12m: (amount) => `won revenue ≥ ${amount}`,
    purchases_12m: (count) => `won deals in 12 months ≥ ${count}`,
    buying_centre_coverage: (share) => `buying-centre coverage ≥ ${share}`,
    kaism_quadrant: (quadrant) => `KAISM quadrant: ${quadrant}`,
    tier: (tier) => `tier at least ${tier}`,
  },
  inWords: 'tracked by the manager',
  byDeadline: (target, day) => `${target} by ${day}`,
  there: (share) => `${share} there`,
  now: (actual) => `now ${actual}`,
  notAssessed: 'Not assessed yet: Recalculate measures the goals.',
  assessedOther: (version) => `Progress is from version ${version}; Recalculate to assess this one.`,
  clientGoal: (text) => `Client’s goal: ${text}`,
  clientGoals: 'Client’s goals',
  strategy: 'Strategy',
  strategyLabels: { product: 'Product', price: 'Price', promotion: 'Promotion', place: 'Place' },
  resources: 'Resources',
  tactics: 'Tactics',
  opportunities: 'Opportunities',
  noOpportunities: 'No opportunities yet.',
  rankedByPayoff: 'Ranked by payoff for the effort.',
  inPlanOrder: 'In plan order (ranked at the next recalculation).',
  opportunityColumns: { opportunity: 'Opportunity', kind: 'Kind', effort: 'Effort', payoff: 'Payoff' },
  kindLabels: {
    increase_use: 'Increase use of existing products',
    improve_service: 'Improve service level',
    expand_business: 'Expand the business',
  },
  levelLabels: { low: 'low', medium: 'medium', high: 'high' },
  effortText: (time, money, people) => `time ${time}, money ${money}, people ${people}`,
  owner: 'Owner',
  ownerUser: (id) => `HubSpot user ${id}`,
  noOwner: 'not set',
  lastReviewed: 'Last reviewed',
  versions: 'Versions',
  versionLine: (version, who, when) => `${version}, saved by ${who} on ${when}`,
  versionNote: (note) => `“${note}”`,
  currentVersion: 'current',
  invalidVersion: 'invalid',
  edit: 'Edit plan',
  markReviewed: 'Mark reviewed',
  reviewedNote: 'Reviewed',
  editorTitle: 'Edit the account plan',
  ownerLabel: 'Owner (HubSpot user id)',
  wholePlan: 'The whole plan',
  ownerDescription: 'Usually the key-account manager; leave empty when nobody owns it yet.',
  goalTitle: 'Goal',
  goalClientGoal: 'Client’s goal it mirrors',
  goalSetOn: 'Set on',
  goalDeadline: 'Deadline',
  goalMetric: 'Measured by',
  noTarget: 'Not measured (tracked in words)',
  metricLabels: {
    won_revenue_12m: 'Won revenue, last 12 months',
    purchases_12m: 'Won deals, last 12 months',
    buying_centre_coverage: 'Buying-centre coverage',
    kaism_quadrant: 'KAISM quadrant',
    tier: 'Tier',
  },
  targetValue: {
    won_revenue_12m: 'At least (home currency)',
    purchases_12m: 'At least (deals)',
    buying_centre_coverage: 'At least (share of key roles, 0–1)',
  },
  targetQuadrant: 'Quadrant to be in',
  targetTier: 'Tier to reach or keep',
  addGoal: 'Add goal',
  removeGoal: 'Remove goal',
  goalNumber: (n) => `Goal ${n}`,
  opportunityTitle: 'Opportunity',
  opportunityKind: 'Kind',
  effortTime: 'Effort: time',
  effortMoney: 'Effort: money',
  effortPeople: 'Effort: people',
  payoff: 'Payoff',
  notes: 'Notes',
  addOpportunity: 'Add opportunity',
  removeOpportunity: 'Remove opportunity',
  opportunityNumber: (n) => `Opportunity ${n}`,
  nextReviewLabel: 'Next review',
  noteLabel: 'What changed (saved with the version)',
  noteDescription: 'Optional, e.g. “Q1 review with the client”.',
  save: 'Save plan',
  cancel: 'Cancel',
  saving: 'Saving the plan…',
  savedTitle: 'Account plan saved',
  saved: (version) => `Saved as ${version}; the plan status is updated.`,
  savedNotRescored: (version) =>
    `Saved as ${version}, but the plan status could not be updated now; Recalculate updates it.`,
  saveFailedTitle: 'Plan not saved',
  conflict:
    'Someone saved a newer version of this plan while you were editing; reload it and make your change again.',
  reload: 'Reload the plan',
  checkFieldsTitle: 'Some fields need attention',
  limitReached: (count) => `At most ${count}.`,
  issue: ({ code, message }) => (code === 'invalid_type' ? 'enter a value' : message),
};

const RU_ISSUES: Record<string, string> = {
  'must not be empty': 'не должно быть пустым',
  'must be a date, e.g. 2027-06-30': 'нужна дата, например 2027-06-30',
  'must be a HubSpot user id': 'нужен id пользователя HubSpot',
  'must be 1–40 letters, digits, - or _': 'от 1 до 40 букв, цифр, - или _',
  'must not be before the day the goal was set': 'не раньше дня, когда цель поставлена',
  'goal ids repeat': 'id целей повторяются',
  'opportunity ids repeat': 'id возможностей повторяются',
};

const ru: PlanMessages = {
  heading: 'План развития клиента',
  statusLabels: {
    none: 'Плана нет',
    current: 'План актуален',
    review_due: 'Пора пересмотреть',
    overdue: 'Пересмотр просрочен',
  },
  nextReview: (day) => `Следующий пересмотр: ${day}`,
  progress: (share, measurable) =>
    `Достигнуто или идёт по плану: ${share} из измеримых целей (${measurable})`,
  noMeasurableGoals: 'Keystone не измеряет ни одну цель.',
  show: 'Показать план',
  loading: 'Загрузка плана…',
  loadFailedTitle: 'План недоступен',
  writeKey: 'Составить план развития',
  noPlanKey:
    'У этого ключевого клиента нет плана развития: цели, отражающие цели клиента, стратегия, ресурсы, тактика и возможности по приоритету, с регулярным пересмотром.',
  writeOther: 'Составить план',
  noPlanOther: 'Плана нет.',
  storeUnavailableTitle: 'В этом портале планы нельзя хранить',
  storeUnavailableBody:
    'Планы хранятся в пользовательском объекте HubSpot, для которого нужна подписка Enterprise. Оценки Keystone работают и без них.',
  invalidTitle: (version) => `Сохранённый план ${version} не проходит проверку`,
  invalidBody:
    'Keystone не использует его, пока не сохранена корректная версия. Редактор начинает с пустого плана поверх неё.',
  goals: 'Цели',
  noGoals: 'Целей пока нет.',
  goalColumns: { goal: 'Цель', target: 'Показатель и прогресс', status: 'Состояние' },
  goalStatusLabels: {
    achieved: 'Достигнута',
    on_track: 'По плану',
    behind: 'Отстаёт',
    missed: 'Не достигнута',
    not_measured: 'Не измеряется',
  },
  targetTexts: {
    won_revenue_12m: (amount) => `выигранная выручка ≥ ${amount}`,
    purchases_12m: (count) => `выигранных сделок за 12 месяцев ≥ ${count}`,
    buying_centre_coverage: (share) => `охват закупочного центра ≥ ${share}`,
    kaism_quadrant: (quadrant) => `квадрант KAISM: ${quadrant}`,
    tier: (tier) => `уровень не ниже «${tier}»`,
  },
  inWords: 'отслеживает менеджер',
  byDeadline: (target, day) => `${target} к ${day}`,
  there: (share) => `пройдено ${share}`,
  now: (actual) => `сейчас ${actual}`,
  notAssessed: 'Ещё не оценено: пересчёт измерит цели.',
  assessedOther: (version) => `Прогресс по версии ${version}; пересчитайте, чтобы оценить эту.`,
  clientGoal: (text) => `Цель клиента: ${text}`,
  clientGoals: 'Цели клиента',
  strategy: 'Стратегия',
  strategyLabels: { product: 'Продукт', price: 'Цена', promotion: 'Продвижение', place: 'Каналы' },
  resources: 'Ресурсы',
  tactics: 'Тактика',
  opportunities: 'Возможности',
  noOpportunities: 'Возможностей пока нет.',
  rankedByPayoff: 'По отдаче на вложенные усилия.',
  inPlanOrder: 'В порядке плана (приоритет появится после пересчёта).',
  opportunityColumns: { opportunity: 'Возможность', kind: 'Вид', effort: 'Усилия', payoff: 'Отдача' },
  kindLabels: {
    increase_use: 'Больше использовать имеющиеся продукты',
    improve_service: 'Повысить уровень сервиса',
    expand_business: 'Расширить бизнес',
  },
  levelLabels: { low: 'низкие', medium: 'средние', high: 'высокие' },
  effortText: (time, money, people) => `время ${time}, деньги ${money}, люди ${people}`,
  owner: 'Владелец',
  ownerUser: (id) => `пользователь HubSpot ${id}`,
  noOwner: 'не назначен',
  lastReviewed: 'Последний пересмотр',
  versions: 'Версии',
  versionLine: (version, who, when) => `${version}, сохранил ${who}, ${when}`,
  versionNote: (note) => `«${note}»`,
  currentVersion: 'текущая',
  invalidVersion: 'не проходит проверку',
  edit: 'Изменить план',
  markReviewed: 'Отметить пересмотр',
  reviewedNote: 'Пересмотрен',
  editorTitle: 'Изменение плана развития',
  ownerLabel: 'Владелец (id пользователя HubSpot)',
  wholePlan: 'План целиком',
  ownerDescription: 'Обычно менеджер ключевого клиента; оставьте пустым, если владельца пока нет.',
  goalTitle: 'Цель',
  goalClientGoal: 'Какую цель клиента отражает',
  goalSetOn: 'Поставлена',
  goalDeadline: 'Срок',
  goalMetric: 'Чем измеряется',
  noTarget: 'Не измеряется (отслеживается словами)',
  metricLabels: {
    won_revenue_12m: 'Выигранная выручка за 12 месяцев',
    purchases_12m: 'Выигранные сделки за 12 месяцев',
    buying_centre_coverage: 'Охват закупочного центра',
    kaism_quadrant: 'Квадрант KAISM',
    tier: 'Уровень',
  },
  targetValue: {
    won_revenue_12m: 'Не меньше (в основной валюте)',
    purchases_12m: 'Не меньше (сделок)',
    buying_centre_coverage: 'Не меньше (доля ключевых ролей, 0–1)',
  },
  targetQuadrant: 'Целевой квадрант',
  targetTier: 'Уровень, которого достичь или удержать',
  addGoal: 'Добавить цель',
  removeGoal: 'Удалить цель',
  goalNumber: (n) => `Цель ${n}`,
  opportunityTitle: 'Возможность',
  opportunityKind: 'Вид',
  effortTime: 'Усилия: время',
  effortMoney: 'Усилия: деньги',
  effortPeople: 'Усилия: люди',
  payoff: 'Отдача',
  notes: 'Заметки',
  addOpportunity: 'Добавить возможность',
  removeOpportunity: 'Удалить возможность',
  opportunityNumber: (n) => `Возможность ${n}`,
  nextReviewLabel: 'Следующий пересмотр',
  noteLabel: 'Что изменилось (сохраняется с версией)',
  noteDescription: 'Необязательно, например «Квартальный пересмотр с клиентом».',
  save: 'Сохранить план',
  cancel: 'Отмена',
  saving: 'Сохраняем план…',
  savedTitle: 'План сохранён',
  saved: (version) => `Сохранён как ${version}; статус плана обновлён.`,
  savedNotRescored: (version) =>
    `Сохранён как ${version}, но статус плана сейчас не обновился; пересчёт обновит его.`,
  saveFailedTitle: 'План не сохранён',
  conflict:
    'Пока вы редактировали, кто-то сохранил более новую версию плана; загрузите её заново и внесите изменения ещё раз.',
  reload: 'Загрузить план заново',
  checkFieldsTitle: 'Проверьте поля',
  limitReached: (count) => `Не больше ${count}.`,
  issue: ({ code, message, minimum, maximum }) => {
    const known = RU_ISSUES[message];
    if (known) return known;
    if (code === 'invalid_type') return 'введите значение';
    if (code === 'too_big') return `не больше ${String(maximum)}`;
    if (code === 'too_small') return `не меньше ${String(minimum)}`;
    if (message.startsWith('must be after the last review'))
      return 'позже последнего пересмотра и не дальше чем через 366 дней';
    return message;
  },
};

const CATALOGUE: Record<UiLanguage, PlanMessages> = { en, ru };

/**
 * A schema path (`goals.0.target.atLeast`, `plan.` prefix or not) as the editor names the field:
 * "Goal 1 › Measured by". A path the editor does not know is shown as it is.
 */
export function fieldLabel(path: string, m: PlanMessages): string {
  // the schema's rule on the whole plan: '' from the editor, `plan` from the function, `(plan)` from the store
  if (path === '' || path === 'plan' || path === '(plan)') return m.wholePlan;
  const parts = path.replace(/^plan\./, '').split('.');
  const [head, second, third, fourth] = parts;
  const top: Record<string, string> = {
    ownerUserId: m.ownerLabel,
    clientGoals: m.clientGoals,
    goals: m.goals,
    resources: m.resources,
    tactics: m.tactics,
    opportunities: m.opportunities,
    lastReviewedOn: m.lastReviewed,
    nextReviewOn: m.nextReviewLabel,
    note: m.noteLabel,
  };
  const goalFields: Record<string, string> = {
    id: 'id',
    title: m.goalTitle,
    clientGoal: m.goalClientGoal,
    setOn: m.goalSetOn,
    deadline: m.goalDeadline,
    target: m.goalMetric,
  };
  const opportunityFields: Record<string, string> = {
    id: 'id',
    title: m.opportunityTitle,
    kind: m.opportunityKind,
    payoff: m.payoff,
    notes: m.notes,
  };
  const effortFields: Record<string, string> = {
    time: m.effortTime,
    money: m.effortMoney,
    people: m.effortPeople,
  };
  const index = Number(second);
  if (head === 'goals' && Number.isInteger(index) && third && goalFields[third])
    return `${m.goalNumber(index + 1)} › ${goalFields[third]}`;
  if (head === 'opportunities' && Number.isInteger(index) && third) {
    const label = third === 'effort' && fourth ? effortFields[fourth] : opportunityFields[third];
    if (label) return `${m.opportunityNumber(index + 1)} › ${label}`;
  }
  if (head === 'strategy' && second && second in m.strategyLabels)
    return `${m.strategy} › ${m.strategyLabels[second as keyof PlanMessages['strategyLabels']]}`;
  if (parts.length === 1 && head && top[head]) return top[head];
  return path;
}

export function planMessagesFor(language: UiLanguage): PlanMessages {
  return CATALOGUE[language];
}
