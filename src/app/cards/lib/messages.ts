/**
 * Every word the card shows, in English and Russian. Labels for enumeration values are keyed by
 * the values themselves (the `as const` arrays of the core), so a new value without a label fails
 * the type check here instead of showing a raw id.
 */
import type {
  Attitude,
  AxisLevel,
  CareerStage,
  ContactKamFieldName,
  InfluenceLevel,
  KaismQuadrant,
  RiskLevel,
  RiskScoreSignalId,
  Strategy,
  Tier,
  UiLanguage,
} from '@keystone/shared';
import type { PinFormError } from './pin-form';

export type CardMessages = {
  cardTitle: string;
  loading: string;
  propertiesErrorTitle: string;
  propertiesErrorBody: string;
  neverScoredTitle: string;
  neverScoredBody: string;
  recalculate: string;
  recalculated: string;
  recalculatedNoChange: string;
  recalculateFailedTitle: string;
  truncatedTitle: string;
  truncatedBody: string;
  functionErrorTitle: string;
  retry: string;
  score: string;
  attractiveness: string;
  strength: string;
  tier: string;
  quadrant: string;
  strategy: string;
  supplierPosition: string;
  positionTowardPartner: string;
  /** Neither input set (or the explanation predates positioning). */
  positionEmpty: string;
  positionMissing: (inputs: string) => string;
  positionInvalid: (inputs: string) => string;
  organisationMap: string;
  organisationLoading: string;
  organisationError: string;
  organisationNoGaps: string;
  organisationPartial: string;
  organisationUnmapped: (count: number) => string;
  organisationMore: (count: number) => string;
  organisationColumns: { person: string; influence: string; attitude: string; lastContact: string };
  organisationNever: string;
  influenceLabels: Record<InfluenceLevel, string>;
  attitudeLabels: Record<Attitude, string>;
  careerLabels: Record<CareerStage, string>;
  /** Setting a person's influence, attitude and career from the map (keystone_set_contact_kam). */
  organisationEdit: {
    open: string;
    editPerson: string;
    person: string;
    personPlaceholder: string;
    fields: Record<ContactKamFieldName, string>;
    notSet: string;
    save: string;
    choosePerson: string;
    unchanged: string;
    failedTitle: string;
    savedTitle: string;
    saved: (name: string, companyChanges: number) => string;
  };
  risk: string;
  lossStage: (stage: number) => string;
  signals: string;
  noSignals: string;
  recommendations: string;
  noRecommendations: string;
  createTask: string;
  taskCreatedTitle: string;
  taskCreated: (title: string) => string;
  taskAlreadyExists: (title: string) => string;
  taskFailedTitle: string;
  whyThisScore: string;
  factor: string;
  value: string;
  weight: string;
  contribution: string;
  noData: string;
  confidence: string;
  dataGaps: string;
  noDataGaps: string;
  dataIssues: (count: number) => string;
  scoredAt: (when: string, modelVersion: string) => string;
  revenueTrend: string;
  year: string;
  wonRevenue: string;
  wonRevenue12m: string;
  scoreTrend: string;
  showScoreTrend: string;
  scoreTrendLoading: string;
  scoreTrendFailedTitle: string;
  scoreTrendNotEnough: string;
  scoreTrendTruncated: (count: number) => string;
  scoredOn: string;
  tierChanges: string;
  noTierChanges: string;
  tierChange: string;
  growth: string;
  explanationCorruptTitle: string;
  explanationCorruptBody: (reason: string) => string;
  explanationMissing: string;
  pinned: string;
  computedTier: string;
  pinnedBy: (who: string, until: string) => string;
  pinnedByNoEnd: (who: string) => string;
  pinReason: (reason: string) => string;
  pinnedStrategy: (strategy: string) => string;
  unknownPerson: string;
  pinTier: string;
  changePin: string;
  removePin: string;
  cancel: string;
  pinTierLabel: string;
  pinStrategyLabel: string;
  pinStrategyNone: string;
  pinReasonLabel: string;
  pinExpiryLabel: string;
  pinExpiryDescription: (maxDays: number) => string;
  adminKeyLabel: string;
  adminKeyDescription: string;
  pinSubmit: string;
  pinSavedTitle: string;
  pinSaved: (tier: string) => string;
  pinFailedTitle: string;
  unpinSavedTitle: string;
  unpinSaved: (tier: string) => string;
  unpinFailedTitle: string;
  pinErrors: Record<PinFormError, string>;
  tierLabels: Record<Tier, string>;
  /** Tier capacity (issue #16): how many of a tier's places are held, in the last portfolio run. */
  tierPlaces: (tier: string, used: number, places: number) => string;
  /** The company passed a tier's threshold but ranked below the line of its places. */
  belowTierLine: (tier: string, lineScore: string, waiting: number) => string;
  quadrantLabels: Record<KaismQuadrant, string>;
  strategyLabels: Record<Strategy, string>;
  // methodology §4: one line on what each strategic option means for the account team
  strategyMeanings: Record<Strategy, string>;
  riskLabels: Record<RiskLevel, string>;
  axisLevelLabels: Record<AxisLevel, string>;
  // methodology §8: the four stages of losing a key client (0 = no sign)
  lossStageMeanings: readonly [string, string, string, string, string];
  // issue #17: the graded risk score and the warning signs it weighs
  riskScore: (score: number) => string;
  weighsMost: string;
  riskSignLabels: Record<RiskScoreSignalId, string>;
  /** What the level meant in this portal's history (from the model's calibration). */
  calibratedLevel: (inTen: number, months: number, accounts: number) => string;
};

const en: CardMessages = {
  cardTitle: 'Key account',
  loading: 'Loading key-account data…',
  propertiesErrorTitle: 'Key-account data unavailable',
  propertiesErrorBody: 'HubSpot could not load the key-account properties of this company.',
  neverScoredTitle: 'Not scored yet',
  neverScoredBody:
    'Keystone has not scored this company yet. Recalculate to compute its key-account score, tier, strategy, risk and recommended actions.',
  recalculate: 'Recalculate',
  recalculated: 'Key-account score updated.',
  recalculatedNoChange: 'Recalculated: nothing changed.',
  recalculateFailedTitle: 'Recalculation failed',
  truncatedTitle: 'Partial history',
  truncatedBody:
    'This company has more records than one recalculation reads; the oldest were left out. The nightly portfolio run reads them all.',
  functionErrorTitle: 'Keystone could not finish',
  retry: 'Try again',
  score: 'Key-account score',
  attractiveness: 'Customer attractiveness',
  strength: 'Relationship strength',
  tier: 'Tier',
  quadrant: 'KAISM quadrant',
  strategy: 'Strategy',
  supplierPosition: 'Supplier position',
  positionTowardPartner: 'Toward partner',
  positionEmpty:
    'Not placed yet. Set "KAM client dependence" and "KAM value delivered" on the company to see where the client places us.',
  positionMissing: (inputs) => `Not placed yet: set ${inputs} on the company.`,
  positionInvalid: (inputs) =>
    `Not placed: ${inputs} holds a value other than low or high. Choose low or high on the company.`,
  organisationMap: 'Organisation map',
  organisationLoading: 'Reading the contacts…',
  organisationError: 'The contacts could not be read.',
  organisationNoGaps: 'No gaps in the map.',
  organisationPartial: 'This company has more than 1,000 contacts; the map shows the first 1,000.',
  organisationUnmapped: (count) => `${count} contact(s) without a buying role or a judgement yet.`,
  organisationMore: (count) => `…and ${count} more.`,
  organisationColumns: {
    person: 'Person',
    influence: 'Influence',
    attitude: 'Attitude',
    lastContact: 'Last contact',
  },
  organisationNever: 'never',
  influenceLabels: { high: 'High', medium: 'Medium', low: 'Low' },
  attitudeLabels: {
    sponsor: 'Sponsor',
    supporter: 'Supporter',
    neutral: 'Neutral',
    critic: 'Critic',
    anti_sponsor: 'Anti-sponsor',
  },
  careerLabels: { rising_star: 'Rising star', steady: 'Steady', setting_star: 'Setting star' },
  organisationEdit: {
    open: 'Set influence, attitude, career',
    editPerson: 'Edit',
    person: 'Person',
    personPlaceholder: 'Choose or search a person',
    fields: { influence: 'Influence', attitude: 'Attitude to us', career: 'Career' },
    notSet: 'Not set',
    save: 'Save',
    choosePerson: 'Choose a person.',
    unchanged: 'Nothing to save: change a value first.',
    failedTitle: 'Not saved',
    savedTitle: 'Saved',
    saved: (name, companyChanges) =>
      companyChanges > 0
        ? `${name} is updated; the account was rescored and ${companyChanges} of its Keystone values changed.`
        : `${name} is updated; the account was rescored and its Keystone values stay the same.`,
  },
  risk: 'Risk',
  lossStage: (stage) => `Loss stage ${stage} of 4`,
  signals: 'Signals',
  noSignals: 'No risk signals.',
  recommendations: 'Recommended actions',
  noRecommendations: 'No recommended actions.',
  createTask: 'Create task',
  taskCreatedTitle: 'Task created',
  taskCreated: (title) => `“${title}” was added to the company owner’s tasks.`,
  taskAlreadyExists: (title) => `“${title}” is already a task for today.`,
  taskFailedTitle: 'Task not created',
  whyThisScore: 'Why this score',
  factor: 'Factor',
  value: 'Value',
  weight: 'Weight',
  contribution: 'Contribution',
  noData: 'no data',
  confidence: 'Confidence',
  dataGaps: 'Data gaps',
  noDataGaps: 'No data gaps.',
  dataIssues: (count) => `${count} unusable value${count === 1 ? '' : 's'} ignored`,
  scoredAt: (when, modelVersion) => `Scored ${when} with model ${modelVersion}`,
  revenueTrend: 'Won revenue by year',
  year: 'Year',
  wonRevenue: 'Won revenue',
  wonRevenue12m: 'Won revenue, last 12 months',
  scoreTrend: 'Score trend',
  showScoreTrend: 'Show score trend',
  scoreTrendLoading: 'Loading score history…',
  scoreTrendFailedTitle: 'Score history unavailable',
  scoreTrendNotEnough:
    'Not enough history yet: the trend appears after the score has been recorded at least twice.',
  scoreTrendTruncated: (count) => `Showing the latest ${count} scores.`,
  scoredOn: 'Scored on',
  tierChanges: 'Tier changes',
  noTierChanges: 'The tier has not changed in this period.',
  tierChange: 'Tier',
  growth: 'Growth',
  explanationCorruptTitle: 'Score breakdown unreadable',
  explanationCorruptBody: (reason) =>
    `The stored breakdown (kam_explanation) could not be read: ${reason}. Recalculate to rebuild it.`,
  explanationMissing: 'No score breakdown is stored for this company. Recalculate to build it.',
  pinned: 'Pinned',
  computedTier: 'Computed tier',
  pinnedBy: (who, until) => `Pinned by ${who} until ${until}`,
  pinnedByNoEnd: (who) => `Pinned by ${who}, no end date`,
  pinReason: (reason) => `Reason: ${reason}`,
  pinnedStrategy: (strategy) => `Pinned strategy: ${strategy}`,
  unknownPerson: 'unknown',
  pinTier: 'Pin tier',
  changePin: 'Change pin',
  removePin: 'Remove pin',
  cancel: 'Cancel',
  pinTierLabel: 'Pinned tier',
  pinStrategyLabel: 'Pinned strategy',
  pinStrategyNone: 'Not pinned: use the computed strategy',
  pinReasonLabel: 'Reason',
  pinExpiryLabel: 'Pinned until',
  pinExpiryDescription: (maxDays) =>
    `After this day the computed tier applies again (at most ${maxDays} days ahead).`,
  adminKeyLabel: 'Keystone admin key',
  adminKeyDescription: 'Pinning is for Keystone admins; the key is checked by Keystone, not stored.',
  pinSubmit: 'Pin',
  pinSavedTitle: 'Tier pinned',
  pinSaved: (tier) => `The tier is now ${tier}.`,
  pinFailedTitle: 'Tier not pinned',
  unpinSavedTitle: 'Pin removed',
  unpinSaved: (tier) => `The computed tier applies again: ${tier}.`,
  unpinFailedTitle: 'Pin not removed',
  pinErrors: {
    reasonRequired: 'Say why the tier is pinned.',
    reasonTooLong: 'The reason is too long.',
    expiryRequired: 'Choose the day the pin ends.',
    expiryNotFuture: 'The end date must be in the future.',
    expiryTooFar: 'A pin lasts at most 365 days.',
    adminKeyRequired: 'Enter the Keystone admin key.',
  },
  tierLabels: { key: 'Key', important: 'Important', regular: 'Regular' },
  tierPlaces: (tier, used, places) => `${tier} accounts: ${used} of ${places} places`,
  belowTierLine: (tier, lineScore, waiting) =>
    `Passes the ${tier.toLowerCase()} threshold but ranks just below the line: a place goes to a company ranked above ${lineScore}. ${waiting} ${waiting === 1 ? 'company waits' : 'companies wait'} below the line.`,
  quadrantLabels: {
    key_account: 'Key account',
    key_development: 'Key development',
    maintenance: 'Maintenance',
    opportunistic: 'Opportunistic',
  },
  strategyLabels: {
    protect_ties: 'Protect ties',
    develop_cooperation: 'Develop cooperation',
    retain_selectively: 'Retain selectively',
    retain_minimal_effort: 'Retain with minimal effort',
    protect_ties_selectively: 'Protect ties selectively',
    withdraw: 'Withdraw',
  },
  strategyMeanings: {
    protect_ties:
      'Defend a relationship where we are strong: keep promises, deepen trust, raise barriers to competitors.',
    develop_cooperation:
      'Invest to move the relationship toward full partnership: joint projects, more of the buying centre, more value.',
    retain_selectively:
      'An attractive customer where we are weak: keep the business that pays and build our position where it matters.',
    retain_minimal_effort:
      'Keep the customer at a low cost to serve; do not invest beyond good standard service.',
    protect_ties_selectively:
      'We are strong but the customer is less attractive: protect only the profitable parts of the relationship.',
    withdraw: 'Low attractiveness and a weak position: reduce effort and cost to serve, or step back.',
  },
  riskLabels: { none: 'No risk', watch: 'Watch', at_risk: 'At risk', critical: 'Critical' },
  axisLevelLabels: { weak: 'weak', medium: 'medium', strong: 'strong' },
  lossStageMeanings: [
    'No sign of losing the customer.',
    'Recurring problems and dissatisfaction.',
    'The customer watches our failures and looks for a replacement.',
    'The customer’s management escalates: demands, ultimatums.',
    'Arbitration or legal action.',
  ],
  riskScore: (score) => `Risk score ${score} of 100`,
  weighsMost: 'Weighs most:',
  riskSignLabels: {
    purchase_silence: 'silent for longer than its purchase rhythm',
    quarter_decline: 'last 3 months below the 3 before',
    quarter_vs_year_decline: 'last 3 months below its usual quarter',
    year_decline: 'last 12 months below the 12 before',
    frequency_decline: 'buying less often',
    lost_deals: 'lost deals in a row',
    ticket_burst: 'a burst of tickets',
    open_high_priority_tickets: 'urgent tickets open',
    meeting_problems: 'cancelled or missed meetings',
    contact_gap: 'no recent contact',
    decision_roles_missing: 'no decision maker or sponsor among contacts',
    blockers: 'a blocker in the buying centre',
    pipeline_drying: 'pipeline drying up',
    loss_reason_recorded: 'a loss reason is recorded',
  },
  calibratedLevel: (inTen, months, accounts) =>
    `Here, accounts at this level declined ${inTen} times in 10 within ${months === 12 ? 'a year' : `${months} months`} (${accounts} accounts in the history).`,
};

const ru: CardMessages = {
  cardTitle: 'Ключевой клиент',
  loading: 'Загрузка данных по ключевому клиенту…',
  propertiesErrorTitle: 'Данные недоступны',
  propertiesErrorBody: 'HubSpot не смог загрузить свойства ключевого клиента для этой компании.',
  neverScoredTitle: 'Ещё не оценена',
  neverScoredBody:
    'Keystone ещё не оценивал эту компанию. Нажмите «Пересчитать», чтобы получить оценку, уровень, стратегию, риск и рекомендуемые действия.',
  recalculate: 'Пересчитать',
  recalculated: 'Оценка ключевого клиента обновлена.',
  recalculatedNoChange: 'Пересчитано: ничего не изменилось.',
  recalculateFailedTitle: 'Пересчёт не удался',
  truncatedTitle: 'Неполная история',
  truncatedBody:
    'У компании больше записей, чем читает один пересчёт; самые старые не учтены. Ночной пересчёт портфеля читает все.',
  functionErrorTitle: 'Keystone не смог завершить операцию',
  retry: 'Повторить',
  score: 'Оценка ключевого клиента',
  attractiveness: 'Привлекательность клиента',
  strength: 'Сила отношений',
  tier: 'Уровень',
  quadrant: 'Квадрант KAISM',
  strategy: 'Стратегия',
  supplierPosition: 'Позиция поставщика',
  positionTowardPartner: 'Путь к партнёрству',
  positionEmpty:
    'Позиция не определена. Заполните в компании «KAM client dependence» и «KAM value delivered», чтобы увидеть, как нас видит клиент.',
  positionMissing: (inputs) => `Позиция не определена: заполните в компании ${inputs}.`,
  positionInvalid: (inputs) =>
    `Позиция не определена: в поле ${inputs} значение не low и не high. Выберите low или high в компании.`,
  organisationMap: 'Карта организации',
  organisationLoading: 'Читаем контакты…',
  organisationError: 'Не удалось прочитать контакты.',
  organisationNoGaps: 'Пробелов в карте нет.',
  organisationPartial: 'У компании больше 1000 контактов; карта показывает первые 1000.',
  organisationUnmapped: (count) => `Контактов без роли и оценки: ${count}.`,
  organisationMore: (count) => `…и ещё ${count}.`,
  organisationColumns: {
    person: 'Человек',
    influence: 'Влияние',
    attitude: 'Отношение',
    lastContact: 'Последний контакт',
  },
  organisationNever: 'не было',
  influenceLabels: { high: 'Высокое', medium: 'Среднее', low: 'Низкое' },
  attitudeLabels: {
    sponsor: 'Спонсор',
    supporter: 'Сторонник',
    neutral: 'Нейтрален',
    critic: 'Критик',
    anti_sponsor: 'Антиспонсор',
  },
  careerLabels: { rising_star: 'Восходящая звезда', steady: 'Стабильно', setting_star: 'Заходящая звезда' },
  organisationEdit: {
    open: 'Указать влияние, отношение, карьеру',
    editPerson: 'Изменить',
    person: 'Человек',
    personPlaceholder: 'Выберите или найдите человека',
    fields: { influence: 'Влияние', attitude: 'Отношение к нам', career: 'Карьера' },
    notSet: 'Не указано',
    save: 'Сохранить',
    choosePerson: 'Выберите человека.',
    unchanged: 'Нечего сохранять: сначала измените значение.',
    failedTitle: 'Не сохранено',
    savedTitle: 'Сохранено',
    saved: (name, companyChanges) =>
      companyChanges > 0
        ? `${name}: сохранено; клиент пересчитан, изменилось значений Keystone: ${companyChanges}.`
        : `${name}: сохранено; клиент пересчитан, значения Keystone не изменились.`,
  },
  risk: 'Риск',
  lossStage: (stage) => `Стадия потери ${stage} из 4`,
  signals: 'Сигналы',
  noSignals: 'Сигналов риска нет.',
  recommendations: 'Рекомендуемые действия',
  noRecommendations: 'Рекомендуемых действий нет.',
  createTask: 'Создать задачу',
  taskCreatedTitle: 'Задача создана',
  taskCreated: (title) => `«${title}» добавлена в задачи владельца компании.`,
  taskAlreadyExists: (title) => `«${title}» уже есть в задачах на сегодня.`,
  taskFailedTitle: 'Задача не создана',
  whyThisScore: 'Почему такая оценка',
  factor: 'Фактор',
  value: 'Значение',
  weight: 'Вес',
  contribution: 'Вклад',
  noData: 'нет данных',
  confidence: 'Достоверность',
  dataGaps: 'Пробелы в данных',
  noDataGaps: 'Пробелов в данных нет.',
  dataIssues: (count) => `Пропущено непригодных значений: ${count}`,
  scoredAt: (when, modelVersion) => `Оценено ${when}, модель ${modelVersion}`,
  revenueTrend: 'Выигранная выручка по годам',
  year: 'Год',
  wonRevenue: 'Выигранная выручка',
  wonRevenue12m: 'Выручка за 12 месяцев',
  scoreTrend: 'Динамика оценки',
  showScoreTrend: 'Показать динамику оценки',
  scoreTrendLoading: 'Загрузка истории оценки…',
  scoreTrendFailedTitle: 'История оценки недоступна',
  scoreTrendNotEnough:
    'Пока недостаточно истории: динамика появится, когда оценка будет записана хотя бы дважды.',
  scoreTrendTruncated: (count) => `Показаны последние оценки (${count}).`,
  scoredOn: 'Дата оценки',
  tierChanges: 'Смены уровня',
  noTierChanges: 'За этот период уровень не менялся.',
  tierChange: 'Уровень',
  growth: 'Рост',
  explanationCorruptTitle: 'Разбор оценки не читается',
  explanationCorruptBody: (reason) =>
    `Сохранённый разбор (kam_explanation) не удалось прочитать: ${reason}. Пересчитайте, чтобы построить его заново.`,
  explanationMissing: 'Разбор оценки для этой компании не сохранён. Пересчитайте, чтобы построить его.',
  pinned: 'Закреплён',
  computedTier: 'Расчётный уровень',
  pinnedBy: (who, until) => `Закрепил ${who} до ${until}`,
  pinnedByNoEnd: (who) => `Закрепил ${who}, без срока`,
  pinReason: (reason) => `Причина: ${reason}`,
  pinnedStrategy: (strategy) => `Закреплённая стратегия: ${strategy}`,
  unknownPerson: 'неизвестно',
  pinTier: 'Закрепить уровень',
  changePin: 'Изменить закрепление',
  removePin: 'Снять закрепление',
  cancel: 'Отмена',
  pinTierLabel: 'Закреплённый уровень',
  pinStrategyLabel: 'Закреплённая стратегия',
  pinStrategyNone: 'Не закреплять: расчётная стратегия',
  pinReasonLabel: 'Причина',
  pinExpiryLabel: 'Закреплён до',
  pinExpiryDescription: (maxDays) =>
    `После этого дня снова действует расчётный уровень (не дальше чем на ${maxDays} дней вперёд).`,
  adminKeyLabel: 'Ключ администратора Keystone',
  adminKeyDescription: 'Закреплять могут администраторы Keystone; ключ проверяет Keystone и не сохраняет.',
  pinSubmit: 'Закрепить',
  pinSavedTitle: 'Уровень закреплён',
  pinSaved: (tier) => `Теперь уровень: ${tier}.`,
  pinFailedTitle: 'Уровень не закреплён',
  unpinSavedTitle: 'Закрепление снято',
  unpinSaved: (tier) => `Снова действует расчётный уровень: ${tier}.`,
  unpinFailedTitle: 'Закрепление не снято',
  pinErrors: {
    reasonRequired: 'Укажите, почему уровень закреплён.',
    reasonTooLong: 'Причина слишком длинная.',
    expiryRequired: 'Выберите день окончания закрепления.',
    expiryNotFuture: 'Дата окончания должна быть в будущем.',
    expiryTooFar: 'Закрепление действует не больше 365 дней.',
    adminKeyRequired: 'Введите ключ администратора Keystone.',
  },
  tierLabels: { key: 'Ключевой', important: 'Важный', regular: 'Обычный' },
  tierPlaces: (tier, used, places) => `${tier}: занято ${used} из ${places} мест`,
  belowTierLine: (tier, lineScore, waiting) =>
    `Проходит порог уровня «${tier}», но стоит сразу под чертой: место получает компания с оценкой выше ${lineScore}. Под чертой ждут: ${waiting}.`,
  quadrantLabels: {
    key_account: 'Ключевой клиент',
    key_development: 'Клиент развития',
    maintenance: 'Клиент поддержки',
    opportunistic: 'Оппортунистический',
  },
  strategyLabels: {
    protect_ties: 'Защищать связи',
    develop_cooperation: 'Развивать сотрудничество',
    retain_selectively: 'Удерживать выборочно',
    retain_minimal_effort: 'Удерживать с минимальными усилиями',
    protect_ties_selectively: 'Выборочно защищать связи',
    withdraw: 'Уходить',
  },
  strategyMeanings: {
    protect_ties:
      'Отстаивать отношения, в которых мы сильны: выполнять обещания, углублять доверие, строить барьеры для конкурентов.',
    develop_cooperation:
      'Вкладываться, чтобы довести отношения до полного партнёрства: совместные проекты, охват закупочного центра, больше ценности.',
    retain_selectively:
      'Привлекательный клиент, где наша позиция слаба: сохранять выгодный бизнес и укреплять позицию там, где это важно.',
    retain_minimal_effort:
      'Удерживать клиента при низких затратах на обслуживание; не вкладываться сверх хорошего стандартного сервиса.',
    protect_ties_selectively:
      'Мы сильны, но клиент менее привлекателен: защищать только выгодные части отношений.',
    withdraw:
      'Низкая привлекательность и слабая позиция: сокращать усилия и затраты на обслуживание или отходить.',
  },
  riskLabels: { none: 'Риска нет', watch: 'Наблюдать', at_risk: 'Под угрозой', critical: 'Критический' },
  axisLevelLabels: { weak: 'слабая', medium: 'средняя', strong: 'сильная' },
  lossStageMeanings: [
    'Признаков потери клиента нет.',
    'Повторяющиеся проблемы и недовольство.',
    'Клиент следит за нашими сбоями и ищет замену.',
    'Руководство клиента эскалирует: требования, ультиматумы.',
    'Арбитраж или судебный иск.',
  ],
  riskScore: (score) => `Оценка риска ${score} из 100`,
  weighsMost: 'Больше всего весят:',
  riskSignLabels: {
    purchase_silence: 'пауза в закупках дольше обычного ритма',
    quarter_decline: 'последние 3 месяца ниже 3 предыдущих',
    quarter_vs_year_decline: 'последние 3 месяца ниже обычного квартала',
    year_decline: 'последние 12 месяцев ниже 12 предыдущих',
    frequency_decline: 'покупает реже',
    lost_deals: 'проигранные сделки подряд',
    ticket_burst: 'всплеск обращений',
    open_high_priority_tickets: 'открытые срочные обращения',
    meeting_problems: 'отменённые или сорванные встречи',
    contact_gap: 'давно не было контакта',
    decision_roles_missing: 'среди контактов нет ЛПР или спонсора',
    blockers: 'антиспонсор в закупочном центре',
    pipeline_drying: 'воронка пересыхает',
    loss_reason_recorded: 'указана причина потери',
  },
  calibratedLevel: (inTen, months, accounts) =>
    `Здесь клиенты на этом уровне сокращали закупки в ${inTen} случаях из 10 в течение ${months === 12 ? 'года' : `${months} мес.`} (${accounts} клиентов в истории).`,
};

const CATALOGUE: Record<UiLanguage, CardMessages> = { en, ru };

export function messagesFor(language: UiLanguage): CardMessages {
  return CATALOGUE[language];
}
