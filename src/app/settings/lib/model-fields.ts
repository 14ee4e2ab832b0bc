/**
 * Every field of the scoring model the settings page edits, with its label and what it means, in
 * English and Russian. A test checks that this catalogue covers exactly the leaf fields of the
 * shipped model, so a new field in the schema cannot be left without an editor and an explanation.
 */
import {
  ATTRACTIVENESS_FACTORS,
  HUBSPOT_BUYING_ROLES,
  IDEAL_CUSTOMER_PROFILE_TIERS,
  INPUT_LEVELS,
  PAYMENT_DISCIPLINE,
  PERCEPTION_LEVELS,
  REPUTATION_LEVELS,
  RISK_SCORE_SIGNALS,
  STRENGTH_FACTORS,
  type AttractivenessFactor,
  type RiskScoreSignalId,
  type StrengthFactor,
  FACTOR_LABELS,
} from '@keystone/shared';

/** A text in both languages of the UI. */
export type Localised = { en: string; ru: string };

export const SECTIONS = [
  'general',
  'axisWeights',
  'attractivenessWeights',
  'strengthWeights',
  'tiers',
  'axisLevels',
  'kaismCut',
  'pareto',
  'risk',
  'riskScore',
  'recommendations',
  'scales',
  'inputValues',
  'buyingCentre',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export type FieldKind =
  | { kind: 'number'; min?: number; max?: number; precision: number }
  | { kind: 'text'; readOnly?: boolean }
  | { kind: 'text-list' }
  | { kind: 'choice-list'; options: readonly string[] };

export type FieldDescriptor = {
  path: string;
  section: SectionId;
  input: FieldKind;
  label: Localised;
  meaning: Localised;
};

const integer = (min?: number, max?: number): FieldKind => ({ kind: 'number', min, max, precision: 0 });
const decimal = (min?: number, max?: number, precision = 2): FieldKind => ({
  kind: 'number',
  min,
  max,
  precision,
});
const points: FieldKind = { kind: 'number', min: 0, max: 100, precision: 1 };
const share: FieldKind = { kind: 'number', min: 0, max: 1, precision: 2 };
const weight: FieldKind = { kind: 'number', min: 0, precision: 2 };

const field = (
  section: SectionId,
  path: string,
  input: FieldKind,
  label: Localised,
  meaning: Localised,
): FieldDescriptor => ({ path, section, input, label, meaning });

export const SECTION_TITLES: Record<SectionId, Localised> = {
  general: { en: 'General', ru: 'Общее' },
  axisWeights: { en: 'Axis weights in the overall score', ru: 'Вес осей в общей оценке' },
  attractivenessWeights: { en: 'Customer attractiveness factors', ru: 'Факторы привлекательности клиента' },
  strengthWeights: { en: 'Relationship strength factors', ru: 'Факторы силы отношений' },
  tiers: { en: 'Tiers (methodology §2)', ru: 'Уровни (методика §2)' },
  axisLevels: {
    en: 'Axis levels for the strategy matrix (§4)',
    ru: 'Уровни осей для матрицы стратегий (§4)',
  },
  kaismCut: { en: 'KAISM matrix cut (§3)', ru: 'Граница матрицы KAISM (§3)' },
  pareto: { en: 'Pareto classes (§1)', ru: 'Классы Парето (§1)' },
  risk: { en: 'Risk signals (§8)', ru: 'Сигналы риска (§8)' },
  riskScore: { en: 'Graded risk score (§8–§9)', ru: 'Оценка риска (§8–§9)' },
  recommendations: { en: 'Recommendations', ru: 'Рекомендации' },
  scales: { en: 'Scales: from raw data to 0–100', ru: 'Шкалы: от данных к 0–100' },
  inputValues: { en: 'Values of KAM inputs', ru: 'Значения вводимых KAM-данных' },
  buyingCentre: { en: 'Buying centre (§10)', ru: 'Закупочный центр (§10)' },
};

const factorWeights = (
  section: SectionId,
  axis: 'attractiveness' | 'strength',
  factors: readonly (AttractivenessFactor | StrengthFactor)[],
): FieldDescriptor[] =>
  factors.map((factor) =>
    field(section, `weights.${axis}.${factor}`, weight, FACTOR_LABELS[factor], {
      en: `How much “${FACTOR_LABELS[factor].en}” counts in ${axis === 'attractiveness' ? 'customer attractiveness' : 'relationship strength'}, relative to the other factors of the axis. 0 switches the factor off.`,
      ru: `Насколько «${FACTOR_LABELS[factor].ru}» влияет на ${axis === 'attractiveness' ? 'привлекательность клиента' : 'силу отношений'} относительно других факторов оси. 0 отключает фактор.`,
    }),
  );

const optionValues = (
  key: string,
  input: Localised,
  options: readonly string[],
  optionLabels: Record<string, Localised>,
): FieldDescriptor[] =>
  options.map((option) => {
    const name = optionLabels[option] ?? { en: option, ru: option };
    return field(
      'inputValues',
      `inputValues.${key}.${option}`,
      points,
      { en: `${input.en}: ${name.en}`, ru: `${input.ru}: ${name.ru}` },
      {
        en: `The 0–100 factor value of a company whose ${input.en.toLowerCase()} is “${name.en}”.`,
        ru: `Значение фактора (0–100) для компании, у которой ${input.ru.toLowerCase()} — «${name.ru}».`,
      },
    );
  });

const LEVELS: Record<string, Localised> = {
  low: { en: 'low', ru: 'низкий' },
  medium: { en: 'medium', ru: 'средний' },
  high: { en: 'high', ru: 'высокий' },
  industry_leader: { en: 'industry leader', ru: 'лидер отрасли' },
  tier_1: { en: 'ICP tier 1', ru: 'ICP уровень 1' },
  tier_2: { en: 'ICP tier 2', ru: 'ICP уровень 2' },
  tier_3: { en: 'ICP tier 3', ru: 'ICP уровень 3' },
  commodity_broker: { en: 'commodity broker', ru: 'брокер' },
  provider: { en: 'provider with small extras', ru: 'поставщик с мелкими выгодами' },
  value_adder: { en: 'value adder', ru: 'добавляющий ценность' },
  business_partner: { en: 'business partner', ru: 'бизнес-партнёр' },
  on_time: { en: 'pays on time', ru: 'платит вовремя' },
  sometimes_late: { en: 'sometimes late', ru: 'иногда опаздывает' },
  often_late: { en: 'often late', ru: 'часто опаздывает' },
};

const axisLevel = (axis: 'attractiveness' | 'strength', level: 'medium' | 'strong'): FieldDescriptor => {
  const axisName =
    axis === 'attractiveness'
      ? { en: 'Attractiveness', ru: 'Привлекательность' }
      : { en: 'Relationship strength', ru: 'Сила отношений' };
  const levelName = level === 'medium' ? { en: 'medium', ru: 'средняя' } : { en: 'strong', ru: 'сильная' };
  return field(
    'axisLevels',
    `axisLevels.${axis}.${level}`,
    points,
    { en: `${axisName.en}: ${levelName.en} from`, ru: `${axisName.ru}: ${levelName.ru} от` },
    {
      en: `An axis value at or above this counts as “${levelName.en}” in the 3×3 strategy matrix${level === 'medium' ? ' (below it: “weak”)' : ''}.`,
      ru: `Значение оси не ниже этого считается «${levelName.ru}» в матрице стратегий 3×3${level === 'medium' ? ' (ниже — «слабая»)' : ''}.`,
    },
  );
};

// issue #17: each warning sign of the graded risk score, with the unit its ramp reads
const RISK_SIGN_TEXTS: Record<RiskScoreSignalId, { label: Localised; unit: Localised }> = {
  purchase_silence: {
    label: { en: 'Silence against the purchase rhythm', ru: 'Пауза относительно ритма закупок' },
    unit: {
      en: 'days since the last won deal over the median gap',
      ru: 'дни с последней сделки к медианному интервалу',
    },
  },
  quarter_decline: {
    label: { en: 'Last 3 months against the 3 before', ru: 'Последние 3 месяца к 3 предыдущим' },
    unit: { en: 'share of won revenue lost', ru: 'доля потерянной выручки' },
  },
  quarter_vs_year_decline: {
    label: { en: 'Last 3 months against the usual quarter', ru: 'Последние 3 месяца к обычному кварталу' },
    unit: {
      en: 'share lost against the average quarter of the year before',
      ru: 'доля потерь к среднему кварталу предыдущего года',
    },
  },
  year_decline: {
    label: { en: 'Last 12 months against the 12 before', ru: 'Последние 12 месяцев к 12 предыдущим' },
    unit: { en: 'share of won revenue lost', ru: 'доля потерянной выручки' },
  },
  frequency_decline: {
    label: { en: 'Buying less often', ru: 'Покупает реже' },
    unit: {
      en: 'share of won deals lost, 12 months against the 12 before',
      ru: 'доля потерянных сделок, 12 месяцев к 12 предыдущим',
    },
  },
  lost_deals: {
    label: { en: 'Lost deals in a row', ru: 'Проигранные сделки подряд' },
    unit: { en: 'deals', ru: 'сделок' },
  },
  ticket_burst: {
    label: { en: 'Ticket burst', ru: 'Всплеск обращений' },
    unit: { en: 'tickets beyond the window before', ru: 'обращений сверх предыдущего окна' },
  },
  open_high_priority_tickets: {
    label: { en: 'Open urgent tickets', ru: 'Открытые срочные обращения' },
    unit: { en: 'tickets', ru: 'обращений' },
  },
  meeting_problems: {
    label: { en: 'Cancelled or missed meetings', ru: 'Отменённые или сорванные встречи' },
    unit: { en: 'meetings in the activity window', ru: 'встреч в окне активности' },
  },
  contact_gap: {
    label: { en: 'No recent contact', ru: 'Давно не было контакта' },
    unit: { en: 'days', ru: 'дней' },
  },
  decision_roles_missing: {
    label: { en: 'Decision roles missing', ru: 'Нет ролей, принимающих решение' },
    unit: { en: 'of decision maker and sponsor or champion', ru: 'из ЛПР и спонсора или чемпиона' },
  },
  blockers: {
    label: { en: 'Blockers', ru: 'Антиспонсоры' },
    unit: { en: 'contacts', ru: 'контактов' },
  },
  pipeline_drying: {
    label: { en: 'Pipeline drying up', ru: 'Воронка пересыхает' },
    unit: {
      en: 'share of a quarter’s won revenue not in open deals',
      ru: 'доля квартальной выручки, которой нет в открытых сделках',
    },
  },
  loss_reason_recorded: {
    label: { en: 'Loss reason recorded', ru: 'Указана причина потери' },
    unit: { en: '1 when recorded', ru: '1, если указана' },
  },
};

const riskScoreFields = (): FieldDescriptor[] => [
  field(
    'riskScore',
    'riskScore.intercept',
    decimal(-20, 20),
    { en: 'Log-odds with no sign', ru: 'Логит без признаков' },
    {
      en: 'The score with no warning sign is 100 × logistic(this): −3 gives 4.7.',
      ru: 'Оценка без признаков риска — 100 × логистическая функция от этого числа: −3 даёт 4,7.',
    },
  ),
  ...(['watch', 'atRisk', 'critical'] as const).map((level) =>
    field(
      'riskScore',
      `riskScore.levels.${level}`,
      points,
      {
        en: `Risk level “${level === 'atRisk' ? 'at risk' : level}” from`,
        ru: `Уровень риска «${level === 'watch' ? 'наблюдать' : level === 'atRisk' ? 'под угрозой' : 'критический'}» от`,
      },
      {
        en: 'A risk score at or above this is the level (§8 stages 1–3).',
        ru: 'Оценка риска не ниже этого значения даёт этот уровень (§8, стадии 1–3).',
      },
    ),
  ),
  ...RISK_SCORE_SIGNALS.flatMap((id) => {
    const { label, unit } = RISK_SIGN_TEXTS[id];
    return [
      field('riskScore', `riskScore.signals.${id}.weight`, weight, label, {
        en: `Log-odds “${label.en}” adds at full strength. 0 switches it off; kam calibrate fits it.`,
        ru: `Сколько логита добавляет «${label.ru}» в полную силу. 0 отключает; kam calibrate подбирает его.`,
      }),
      field(
        'riskScore',
        `riskScore.signals.${id}.from`,
        decimal(undefined, undefined, 2),
        { en: `${label.en}: no sign up to`, ru: `${label.ru}: нет признака до` },
        {
          en: `Evidence (${unit.en}) at or below this is no sign.`,
          ru: `Значение (${unit.ru}) не выше этого — не признак.`,
        },
      ),
      field(
        'riskScore',
        `riskScore.signals.${id}.to`,
        decimal(undefined, undefined, 2),
        { en: `${label.en}: full sign from`, ru: `${label.ru}: полный признак от` },
        {
          en: `Evidence (${unit.en}) at or above this is the full sign.`,
          ru: `Значение (${unit.ru}) не ниже этого — полный признак.`,
        },
      ),
    ];
  }),
];

export const MODEL_FIELDS: readonly FieldDescriptor[] = [
  field(
    'general',
    'version',
    { kind: 'text', readOnly: true },
    { en: 'Version', ru: 'Версия' },
    {
      en: 'Assigned when you save (v1, v2, …) and written on every company it scores as kam_model_version.',
      ru: 'Присваивается при сохранении (v1, v2, …) и записывается в каждую оценённую компанию как kam_model_version.',
    },
  ),
  field(
    'general',
    'homeCurrency',
    { kind: 'text' },
    { en: 'Home currency', ru: 'Основная валюта' },
    {
      en: 'Three-letter code of the portal’s company currency (e.g. EUR). A deal amount in another currency counts only when HubSpot converted it.',
      ru: 'Трёхбуквенный код валюты портала (например, EUR). Сумма сделки в другой валюте учитывается, только если HubSpot её пересчитал.',
    },
  ),
  field(
    'general',
    'pipelines',
    { kind: 'text-list' },
    { en: 'Deal pipelines that count', ru: 'Учитываемые воронки сделок' },
    {
      en: 'Internal ids of the deal pipelines whose deals count, separated by commas. Empty: every pipeline.',
      ru: 'Внутренние id воронок, сделки которых учитываются, через запятую. Пусто — все воронки.',
    },
  ),
  field(
    'general',
    'windows.activityDays',
    integer(7, 365),
    { en: 'Activity window (days)', ru: 'Окно активности (дни)' },
    {
      en: 'Meetings and tickets in this many recent days count as current activity; the window before it gives the trend.',
      ru: 'Встречи и обращения за столько последних дней считаются текущей активностью; предыдущее окно даёт тренд.',
    },
  ),
  field(
    'general',
    'windows.historyYears',
    integer(2, 10),
    { en: 'History (years)', ru: 'История (лет)' },
    {
      en: 'Years of deals used for yearly volumes, purchase frequency, regularity and win rate (§9: 3–4 years).',
      ru: 'Сколько лет сделок используется для годовых объёмов, частоты, регулярности покупок и доли побед (§9: 3–4 года).',
    },
  ),
  field(
    'axisWeights',
    'axisWeights.attractiveness',
    weight,
    { en: 'Customer attractiveness', ru: 'Привлекательность клиента' },
    {
      en: 'Weight of the attractiveness axis in the overall key-account score.',
      ru: 'Вес оси привлекательности в общей оценке ключевого клиента.',
    },
  ),
  field(
    'axisWeights',
    'axisWeights.strength',
    weight,
    { en: 'Relationship strength', ru: 'Сила отношений' },
    {
      en: 'Weight of the relationship-strength (loyalty) axis in the overall key-account score.',
      ru: 'Вес оси силы отношений (лояльности) в общей оценке ключевого клиента.',
    },
  ),
  ...factorWeights('attractivenessWeights', 'attractiveness', ATTRACTIVENESS_FACTORS),
  ...factorWeights('strengthWeights', 'strength', STRENGTH_FACTORS),
  field(
    'tiers',
    'tiers.key',
    points,
    { en: 'Key tier from score', ru: 'Ключевой уровень от оценки' },
    {
      en: 'A company with an overall score at or above this is a key account.',
      ru: 'Компания с общей оценкой не ниже этой — ключевой клиент.',
    },
  ),
  field(
    'tiers',
    'tiers.important',
    points,
    { en: 'Important tier from score', ru: 'Важный уровень от оценки' },
    {
      en: 'A company at or above this (and below the key threshold) is an important customer; below it, regular.',
      ru: 'Компания не ниже этой оценки (и ниже ключевого порога) — важный клиент; ниже — обычный.',
    },
  ),
  field(
    'tiers',
    'tiers.hysteresis',
    decimal(0, 25, 1),
    { en: 'Hysteresis (points)', ru: 'Гистерезис (баллы)' },
    {
      en: 'A company keeps its tier until its score passes the threshold by this many points, so the tier does not flap.',
      ru: 'Компания сохраняет уровень, пока оценка не пересечёт порог на столько баллов, — уровень не «мигает».',
    },
  ),
  field(
    'tiers',
    'tiers.capacity.key.maxCount',
    integer(1),
    { en: 'Key accounts: most places', ru: 'Ключевые клиенты: мест не больше' },
    {
      en: 'Key means few: a team can tend only so many accounts closely (McDonald & Woodburn: 15–35 per business, more than 50 is too many). A company is key only when its score passes the key threshold and it ranks within the places; the rest of those that pass wait just below the line as important. A current key account keeps its place unless a newcomer outscores it by the hysteresis margin, and pinned key accounts take places first.',
      ru: 'Ключевых должно быть немного: команда может плотно вести лишь ограниченное число клиентов (Макдональд и Вудберн: 15–35 на бизнес, больше 50 — слишком много). Компания становится ключевой, только если её оценка выше ключевого порога и она входит в число мест; остальные прошедшие порог ждут под чертой как важные. Текущий ключевой клиент сохраняет место, пока новичок не обгонит его на величину гистерезиса; закреплённые вручную ключевые клиенты занимают места первыми.',
    },
  ),
  field(
    'tiers',
    'tiers.capacity.key.maxShare',
    decimal(0.01, 1, 2),
    { en: 'Key accounts: most share of companies', ru: 'Ключевые клиенты: доля компаний не больше' },
    {
      en: 'Key places are also at most this share of the companies scored (0.15 = 15%, rounded up), so a small portfolio does not get 40 key accounts out of 85.',
      ru: 'Ключевых мест также не больше этой доли оценённых компаний (0,15 = 15%, с округлением вверх), чтобы в небольшом портфеле не оказалось 40 ключевых из 85.',
    },
  ),
  field(
    'tiers',
    'tiers.capacity.important.maxCount',
    integer(1),
    { en: 'Important customers: most places', ru: 'Важные клиенты: мест не больше' },
    {
      en: 'Important customers get regular attention from the account team; beyond these places the rest are regular customers, the moving middle.',
      ru: 'Важные клиенты получают регулярное внимание команды; сверх этих мест остальные — обычные клиенты, «подвижная середина».',
    },
  ),
  field(
    'tiers',
    'tiers.capacity.important.maxShare',
    decimal(0.01, 1, 2),
    { en: 'Important customers: most share of companies', ru: 'Важные клиенты: доля компаний не больше' },
    {
      en: 'Important places are also at most this share of the companies scored (0.35 = 35%), so regular stays where most customers are (methodology §2).',
      ru: 'Мест для важных клиентов также не больше этой доли оценённых компаний (0,35 = 35%), чтобы большинство оставалось обычными клиентами (методика §2).',
    },
  ),
  field(
    'axisLevels',
    'levelHysteresis',
    decimal(0, 15, 1),
    { en: 'Level dead band (points)', ru: 'Зона нечувствительности уровней (баллы)' },
    {
      en: 'A company keeps its axis levels and KAISM quadrant until an axis passes the cut by this many points, so a value drifting at a cut does not flip the strategy back and forth.',
      ru: 'Компания сохраняет уровни осей и квадрант KAISM, пока значение оси не пересечёт границу на столько баллов, — стратегия не «мигает» у границы.',
    },
  ),
  axisLevel('attractiveness', 'medium'),
  axisLevel('attractiveness', 'strong'),
  axisLevel('strength', 'medium'),
  axisLevel('strength', 'strong'),
  field(
    'kaismCut',
    'kaismCut.attractiveness',
    points,
    { en: 'High attractiveness from', ru: 'Высокая привлекательность от' },
    {
      en: 'In the KAISM matrix, attractiveness at or above this is “high”.',
      ru: 'В матрице KAISM привлекательность не ниже этого значения — «высокая».',
    },
  ),
  field(
    'kaismCut',
    'kaismCut.strength',
    points,
    { en: 'High strength from', ru: 'Высокая сила отношений от' },
    {
      en: 'In the KAISM matrix, relationship strength at or above this is “high”.',
      ru: 'В матрице KAISM сила отношений не ниже этого значения — «высокая».',
    },
  ),
  field(
    'pareto',
    'pareto.a',
    decimal(0, 1),
    { en: 'Class A closes at share', ru: 'Класс A до доли' },
    {
      en: 'Customers, largest first, who together make up this share of won revenue are class A (about 80%, §1).',
      ru: 'Клиенты (от крупных), дающие вместе эту долю выигранной выручки, — класс A (около 80%, §1).',
    },
  ),
  field(
    'pareto',
    'pareto.b',
    decimal(0, 1),
    { en: 'Class B closes at share', ru: 'Класс B до доли' },
    {
      en: 'The next customers up to this cumulative share are class B; the rest class C.',
      ru: 'Следующие клиенты до этой накопленной доли — класс B; остальные — C.',
    },
  ),
  field(
    'risk',
    'risk.volumeDeclineShare',
    share,
    { en: 'Volume decline', ru: 'Падение объёма' },
    {
      en: 'Won revenue falling by this share against the previous 12 months raises a risk signal (§9 step 2).',
      ru: 'Падение выигранной выручки на эту долю к прошлым 12 месяцам даёт сигнал риска (§9, шаг 2).',
    },
  ),
  field(
    'risk',
    'risk.severeVolumeDeclineShare',
    share,
    { en: 'Severe volume decline', ru: 'Сильное падение объёма' },
    {
      en: 'A fall by this share counts as the customer stopping or nearly stopping buying.',
      ru: 'Падение на эту долю считается прекращением или почти прекращением закупок.',
    },
  ),
  field(
    'risk',
    'risk.ticketBurstMinCount',
    integer(1),
    { en: 'Ticket burst: minimum tickets', ru: 'Всплеск обращений: минимум' },
    {
      en: 'A ticket burst needs at least this many tickets in the activity window (§8 stage 1).',
      ru: 'Для всплеска обращений нужно не меньше стольких обращений в окне активности (§8, стадия 1).',
    },
  ),
  field(
    'risk',
    'risk.ticketBurstRatio',
    decimal(1, undefined, 1),
    { en: 'Ticket burst: ratio', ru: 'Всплеск обращений: кратность' },
    {
      en: 'Tickets in the window must be at least this many times those of the window before.',
      ru: 'Обращений в окне должно быть во столько раз больше, чем в предыдущем окне.',
    },
  ),
  field(
    'risk',
    'risk.openHighPriorityTicketsAtRisk',
    integer(1),
    { en: 'Open high-priority tickets', ru: 'Открытые срочные обращения' },
    {
      en: 'This many open high or urgent tickets put the customer at risk.',
      ru: 'Столько открытых высоко- или срочноприоритетных обращений ставят клиента под угрозу.',
    },
  ),
  field(
    'risk',
    'risk.meetingProblemShare',
    share,
    { en: 'Meeting problems: share', ru: 'Проблемы со встречами: доля' },
    {
      en: 'Share of recent meetings rescheduled, cancelled or missed that raises a signal (§7: postpones planned visits).',
      ru: 'Доля перенесённых, отменённых или сорванных встреч, дающая сигнал (§7: откладывает визиты).',
    },
  ),
  field(
    'risk',
    'risk.meetingProblemMinCount',
    integer(1),
    { en: 'Meeting problems: minimum', ru: 'Проблемы со встречами: минимум' },
    {
      en: 'At least this many problem meetings are needed for the signal.',
      ru: 'Для сигнала нужно не меньше стольких проблемных встреч.',
    },
  ),
  field(
    'risk',
    'risk.noContactDaysWatch',
    integer(1),
    { en: 'No contact: watch after (days)', ru: 'Нет контакта: наблюдать после (дней)' },
    {
      en: 'No logged contact for this many days puts the customer on watch.',
      ru: 'Отсутствие контакта столько дней переводит клиента в «наблюдать».',
    },
  ),
  field(
    'risk',
    'risk.noContactDaysAtRisk',
    integer(1),
    { en: 'No contact: at risk after (days)', ru: 'Нет контакта: угроза после (дней)' },
    {
      en: 'No logged contact for this many days puts the customer at risk.',
      ru: 'Отсутствие контакта столько дней ставит клиента под угрозу.',
    },
  ),
  field(
    'risk',
    'risk.lostDealsStreak',
    integer(1),
    { en: 'Lost deals in a row', ru: 'Проигранных сделок подряд' },
    {
      en: 'This many lost deals in a row raise a signal (§7: signs with competitors).',
      ru: 'Столько проигранных сделок подряд дают сигнал (§7: подписывает с конкурентами).',
    },
  ),
  field(
    'risk',
    'risk.criticalSignalCount',
    integer(2),
    { en: 'Signals for critical', ru: 'Сигналов для критического' },
    {
      en: 'This many signals at “at risk” or worse make the risk critical (§8 stage 3: escalation).',
      ru: 'Столько сигналов уровня «под угрозой» и выше делают риск критическим (§8, стадия 3: эскалация).',
    },
  ),
  ...riskScoreFields(),
  field(
    'recommendations',
    'recommendations.weakFactorBelow',
    points,
    { en: 'Weak factor below', ru: 'Слабый фактор ниже' },
    {
      en: 'A weighted factor with data below this value is weak and earns its recommendation.',
      ru: 'Фактор с весом и данными ниже этого значения считается слабым и получает рекомендацию.',
    },
  ),
  field(
    'recommendations',
    'recommendations.lowConfidenceBelow',
    share,
    { en: 'Low confidence below', ru: 'Низкая достоверность ниже' },
    {
      en: 'Below this confidence the first recommendation is to collect the missing account information (§10).',
      ru: 'Ниже этой достоверности первая рекомендация — собрать недостающие данные о клиенте (§10).',
    },
  ),
  field(
    'recommendations',
    'recommendations.max',
    integer(1, 20),
    { en: 'At most', ru: 'Не больше' },
    {
      en: 'How many recommendations a company gets at most.',
      ru: 'Сколько рекомендаций компания получает самое большее.',
    },
  ),
  field(
    'scales',
    'scales.revenueReferencePercentile',
    decimal(0, 1),
    { en: 'Revenue reference percentile', ru: 'Перцентиль эталонной выручки' },
    {
      en: 'The won revenue that scores 100 is this percentile of the portfolio (0.9: the top tenth scores 100).',
      ru: 'Выручка, дающая 100, — этот перцентиль портфеля (0,9: верхняя десятая часть получает 100).',
    },
  ),
  field(
    'scales',
    'scales.revenueReferenceFallback',
    decimal(0, undefined, 0),
    { en: 'Revenue reference fallback', ru: 'Эталонная выручка по умолчанию' },
    {
      en: 'Revenue that scores 100 when no portfolio is at hand or nobody has revenue (home currency).',
      ru: 'Выручка, дающая 100, когда портфеля нет или ни у кого нет выручки (в основной валюте).',
    },
  ),
  field(
    'scales',
    'scales.revenueDecades',
    decimal(0.5, 10, 1),
    { en: 'Revenue scale (decades)', ru: 'Шкала выручки (порядки)' },
    {
      en: 'Revenue scores fall on a log scale to 0 at the reference divided by 10 to this power.',
      ru: 'Оценка выручки падает по логарифмической шкале до 0 при эталоне, делённом на 10 в этой степени.',
    },
  ),
  field(
    'scales',
    'scales.growthForFullScore',
    decimal(0),
    { en: 'Growth for 100', ru: 'Рост для 100' },
    {
      en: 'Yearly revenue growth that scores 100 (0.5 = +50%); the same decline scores 0, flat scores 50.',
      ru: 'Годовой рост выручки, дающий 100 (0,5 = +50%); такое же падение — 0, без изменений — 50.',
    },
  ),
  field(
    'scales',
    'scales.purchasesPerYearForFullScore',
    decimal(0, undefined, 1),
    { en: 'Purchases a year for 100', ru: 'Покупок в год для 100' },
    {
      en: 'Purchase frequency that scores 100.',
      ru: 'Частота покупок, дающая 100.',
    },
  ),
  field(
    'scales',
    'scales.tenureYearsForFullScore',
    decimal(0, undefined, 1),
    { en: 'Tenure years for 100', ru: 'Лет сотрудничества для 100' },
    {
      en: 'Years as a customer that score 100.',
      ru: 'Сколько лет сотрудничества дают 100.',
    },
  ),
  field(
    'scales',
    'scales.contactDaysForFullScore',
    integer(0),
    { en: 'Contact within (days) for 100', ru: 'Контакт в течение (дней) для 100' },
    {
      en: 'Last contact this recent or more recent scores 100.',
      ru: 'Последний контакт не давнее этого даёт 100.',
    },
  ),
  field(
    'scales',
    'scales.contactDaysForZeroScore',
    integer(1),
    { en: 'No contact (days) for 0', ru: 'Без контакта (дней) для 0' },
    {
      en: 'Last contact this long ago or longer scores 0.',
      ru: 'Последний контакт столько дней назад или давнее даёт 0.',
    },
  ),
  field(
    'scales',
    'scales.meetingsForFullScore',
    integer(1),
    { en: 'Meetings for 100', ru: 'Встреч для 100' },
    {
      en: 'Completed meetings in the activity window that score 100.',
      ru: 'Проведённых встреч в окне активности для оценки 100.',
    },
  ),
  field(
    'scales',
    'scales.ticketsForZeroScore',
    integer(1),
    { en: 'Tickets for 0', ru: 'Обращений для 0' },
    {
      en: 'Tickets in the activity window that bring ticket health to 0.',
      ru: 'Обращений в окне активности, при которых «обращения в поддержку» дают 0.',
    },
  ),
  field(
    'scales',
    'scales.openHighPriorityTicketPenalty',
    points,
    { en: 'Open urgent ticket penalty', ru: 'Штраф за открытое срочное обращение' },
    {
      en: 'Points taken from ticket health for each open high-priority ticket.',
      ru: 'Баллы, снимаемые с «обращений в поддержку» за каждое открытое срочное обращение.',
    },
  ),
  field(
    'scales',
    'scales.blockerPenalty',
    points,
    { en: 'Blocker penalty', ru: 'Штраф за блокирующего' },
    {
      en: 'Points taken from buying-centre coverage for each blocker (anti-sponsor) among the contacts.',
      ru: 'Баллы, снимаемые с охвата закупочного центра за каждого блокирующего (антиспонсора) среди контактов.',
    },
  ),
  ...optionValues(
    'growthPotential',
    { en: 'Growth potential', ru: 'Потенциал развития' },
    INPUT_LEVELS,
    LEVELS,
  ),
  ...optionValues('strategicFit', { en: 'Strategic fit', ru: 'Соответствие целям' }, INPUT_LEVELS, LEVELS),
  ...optionValues(
    'idealCustomerProfile',
    { en: 'Ideal customer profile', ru: 'Идеальный профиль клиента' },
    IDEAL_CUSTOMER_PROFILE_TIERS,
    LEVELS,
  ),
  field(
    'inputValues',
    'inputValues.targetAccount',
    points,
    { en: 'Target account', ru: 'Целевой аккаунт' },
    {
      en: 'Strategic fit of a HubSpot target account that has neither a KAM input nor an ICP tier.',
      ru: 'Соответствие целям для целевого аккаунта HubSpot без KAM-ввода и уровня ICP.',
    },
  ),
  ...optionValues(
    'reputation',
    { en: 'Market reputation', ru: 'Репутация на рынке' },
    REPUTATION_LEVELS,
    LEVELS,
  ),
  ...optionValues(
    'perceptionLevel',
    { en: 'Perception ladder (§7)', ru: 'Лестница восприятия (§7)' },
    PERCEPTION_LEVELS,
    LEVELS,
  ),
  ...optionValues(
    'paymentDiscipline',
    { en: 'Payment discipline', ru: 'Платёжная дисциплина' },
    PAYMENT_DISCIPLINE,
    LEVELS,
  ),
  field(
    'buyingCentre',
    'buyingCentre.keyRoles',
    { kind: 'choice-list', options: HUBSPOT_BUYING_ROLES.filter((role) => role !== 'BLOCKER') },
    { en: 'Roles to cover', ru: 'Роли для охвата' },
    {
      en: 'HubSpot buying roles the account team should have among the company’s contacts; coverage is the share of them present.',
      ru: 'Роли закупочного центра HubSpot, которые должны быть среди контактов компании; охват — доля найденных.',
    },
  ),
];

export function fieldsOf(section: SectionId): FieldDescriptor[] {
  return MODEL_FIELDS.filter((descriptor) => descriptor.section === section);
}
