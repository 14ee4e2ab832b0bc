/** Every word of the settings page, in English and Russian (field labels live in model-fields.ts). */
import type { UiLanguage } from '@keystone/shared';

export type SettingsMessages = {
  pageTitle: string;
  intro: string;
  loading: string;
  loadErrorTitle: string;
  retry: string;
  activeStored: (version: string, when: string, email: string) => string;
  activeDefault: string;
  problemsTitle: string;
  problemLine: (version: string, paths: string) => string;
  activeInvalid: string;
  fixFieldsTitle: string;
  fixFieldsBody: (count: number) => string;
  groupRulesTitle: string;
  unsavedChanges: string;
  discardChanges: string;
  startFromDefaults: string;
  // issue #17: a draft file written by `kam calibrate` (or any model file)
  loadDraftTitle: string;
  loadDraftLabel: string;
  loadDraftDescription: string;
  loadDraft: string;
  loadDraftNotAModel: string;
  previewTitle: string;
  previewDescription: (sampleSize: number) => string;
  preview: string;
  previewResult: (compared: number, sampled: number, tierChanges: number, quadrantChanges: number) => string;
  previewTruncated: string;
  previewFailedTitle: string;
  transitionsTier: string;
  transitionsQuadrant: string;
  from: string;
  to: string;
  companies: string;
  noChanges: string;
  backtestTitle: string;
  backtestDescription: (sampleSize: number, asOf: string, horizonMonths: number) => string;
  backtestTooFewDecliners: (declined: number) => string;
  backtestModel: string;
  backtestActive: (version: string) => string;
  backtestDraft: (version: string) => string;
  backtestDeclineAuc: string;
  backtestBaselineAuc: string;
  backtestKeyShare: string;
  saveTitle: string;
  adminKeyLabel: string;
  adminKeyDescription: string;
  noteLabel: string;
  save: string;
  savedTitle: string;
  saved: (version: string) => string;
  saveFailedTitle: string;
  nothingToSave: string;
  historyTitle: string;
  historyEmpty: string;
  version: string;
  savedAt: string;
  savedBy: string;
  note: string;
  status: string;
  active: string;
  invalid: string;
  rollback: string;
  rolledBackTitle: string;
  rolledBack: (from: string, to: string) => string;
  rollbackFailedTitle: string;
  adminKeyRequired: string;
};

const en: SettingsMessages = {
  pageTitle: 'Keystone scoring model',
  intro:
    'Every weight and threshold Keystone scores with. A saved model applies to every company the next time it is scored (card, workflows, nightly run).',
  loading: 'Loading the scoring model…',
  loadErrorTitle: 'The scoring model could not be loaded',
  retry: 'Try again',
  activeStored: (version, when, email) => `Active: ${version}, saved ${when} by ${email}.`,
  activeDefault: 'Active: the shipped defaults (no model saved yet).',
  problemsTitle: 'Stored versions that fail validation',
  problemLine: (version, paths) => `${version}: ${paths}`,
  activeInvalid:
    'The active version is one of them: scoring stops with an error until you save a valid model or roll back. The form starts from the shipped defaults.',
  fixFieldsTitle: 'Fix the marked fields',
  fixFieldsBody: (count) =>
    `${count} problem${count === 1 ? '' : 's'}: preview and save are off until they are fixed.`,
  groupRulesTitle: 'Rules across fields',
  unsavedChanges: 'Unsaved changes',
  discardChanges: 'Discard changes',
  startFromDefaults: 'Start from the shipped defaults',
  loadDraftTitle: 'Load a draft file',
  loadDraftLabel: 'Model file (JSON)',
  loadDraftDescription:
    'Paste a model file, e.g. the draft `kam calibrate` writes. It replaces the draft below; check it, preview it and save it as any other draft.',
  loadDraft: 'Load into the draft',
  loadDraftNotAModel: 'This is not a JSON object: paste the whole model file.',
  previewTitle: 'Preview the impact',
  previewDescription: (sampleSize) =>
    `Re-weighs the stored breakdowns of up to ${sampleSize} recently scored companies with this draft and counts tier and quadrant changes against the active model. Nothing is written. Changes to scales, input values and windows show only after a rescore.`,
  preview: 'Preview',
  previewResult: (compared, sampled, tierChanges, quadrantChanges) =>
    `${compared} of ${sampled} companies compared: ${tierChanges} would change tier, ${quadrantChanges} would change quadrant.`,
  previewTruncated: 'More companies are scored than the sample holds; the counts are for the sample.',
  previewFailedTitle: 'Preview failed',
  transitionsTier: 'Tier changes',
  transitionsQuadrant: 'Quadrant changes',
  from: 'From',
  to: 'To',
  companies: 'Companies',
  noChanges: 'No changes.',
  backtestTitle: 'Would it have seen it coming? (backtest)',
  backtestDescription: (sampleSize, asOf, horizonMonths) =>
    `Sample estimate on ${sampleSize} companies of the sample: scored as they stood on ${asOf} and judged by the following ${horizonMonths} months. AUC 0.5 is chance, 1 is perfect.`,
  backtestTooFewDecliners: (declined) =>
    `Only ${declined} compan${declined === 1 ? 'y' : 'ies'} of the sample declined: too few for a decline AUC.`,
  backtestModel: 'Model',
  backtestActive: (version) => `Active (${version})`,
  backtestDraft: (version) => `Draft (${version})`,
  backtestDeclineAuc: 'Decline AUC (risk level)',
  backtestBaselineAuc: 'Revenue-only baseline AUC',
  backtestKeyShare: 'Key tier’s share of next period’s revenue',
  saveTitle: 'Save as the active model',
  adminKeyLabel: 'Keystone admin key',
  adminKeyDescription:
    'Saving and rollback need the admin key set with `hs secret add KEYSTONE_ADMIN_KEY`. The function checks it; the page never stores it.',
  noteLabel: 'What changed and why',
  save: 'Save',
  savedTitle: 'Scoring model saved',
  saved: (version) => `${version} is now the active model.`,
  saveFailedTitle: 'Not saved',
  nothingToSave: 'No changes to save.',
  historyTitle: 'Versions',
  historyEmpty: 'No version saved yet: the shipped defaults apply.',
  version: 'Version',
  savedAt: 'Saved',
  savedBy: 'By',
  note: 'Note',
  status: 'Status',
  active: 'Active',
  invalid: 'Invalid',
  rollback: 'Roll back',
  rolledBackTitle: 'Rolled back',
  rolledBack: (from, to) => `${from} is active again as ${to}.`,
  rollbackFailedTitle: 'Rollback failed',
  adminKeyRequired: 'Enter the admin key to save or roll back.',
};

const ru: SettingsMessages = {
  pageTitle: 'Модель оценки Keystone',
  intro:
    'Все веса и пороги, по которым Keystone оценивает клиентов. Сохранённая модель применяется к каждой компании при следующей оценке (карточка, рабочие процессы, ночной пересчёт).',
  loading: 'Загрузка модели оценки…',
  loadErrorTitle: 'Не удалось загрузить модель оценки',
  retry: 'Повторить',
  activeStored: (version, when, email) => `Действует: ${version}, сохранена ${when}, ${email}.`,
  activeDefault: 'Действует: модель по умолчанию (сохранённых версий нет).',
  problemsTitle: 'Сохранённые версии, не прошедшие проверку',
  problemLine: (version, paths) => `${version}: ${paths}`,
  activeInvalid:
    'Среди них действующая версия: оценка останавливается с ошибкой, пока вы не сохраните корректную модель или не откатитесь. Форма открыта с моделью по умолчанию.',
  fixFieldsTitle: 'Исправьте отмеченные поля',
  fixFieldsBody: (count) =>
    `Проблем: ${count}. Предпросмотр и сохранение недоступны, пока они не исправлены.`,
  groupRulesTitle: 'Правила для нескольких полей',
  unsavedChanges: 'Есть несохранённые изменения',
  discardChanges: 'Отменить изменения',
  startFromDefaults: 'Начать с модели по умолчанию',
  loadDraftTitle: 'Загрузить черновик из файла',
  loadDraftLabel: 'Файл модели (JSON)',
  loadDraftDescription:
    'Вставьте файл модели, например черновик, который пишет `kam calibrate`. Он заменит черновик ниже; проверьте, оцените влияние и сохраните его, как любой черновик.',
  loadDraft: 'Загрузить в черновик',
  loadDraftNotAModel: 'Это не JSON-объект: вставьте файл модели целиком.',
  previewTitle: 'Предпросмотр влияния',
  previewDescription: (sampleSize) =>
    `Пересчитывает сохранённые разборы до ${sampleSize} недавно оценённых компаний с этим черновиком и считает смены уровня и квадранта относительно действующей модели. Ничего не записывается. Изменения шкал, значений вводимых данных и окон видны только после пересчёта.`,
  preview: 'Предпросмотр',
  previewResult: (compared, sampled, tierChanges, quadrantChanges) =>
    `Сравнено ${compared} из ${sampled} компаний: уровень изменится у ${tierChanges}, квадрант — у ${quadrantChanges}.`,
  previewTruncated: 'Оценённых компаний больше, чем в выборке; числа относятся к выборке.',
  previewFailedTitle: 'Предпросмотр не удался',
  transitionsTier: 'Смены уровня',
  transitionsQuadrant: 'Смены квадранта',
  from: 'Было',
  to: 'Станет',
  companies: 'Компаний',
  noChanges: 'Изменений нет.',
  backtestTitle: 'Предвидела бы модель это? (бэктест)',
  backtestDescription: (sampleSize, asOf, horizonMonths) =>
    `Оценка по выборке из ${sampleSize} компаний: оценены такими, какими были на ${asOf}, и проверены следующими ${horizonMonths} месяцами. AUC 0,5 — случайность, 1 — идеал.`,
  backtestTooFewDecliners: (declined) =>
    `В выборке сократили закупки лишь ${declined}: слишком мало для AUC спада.`,
  backtestModel: 'Модель',
  backtestActive: (version) => `Действующая (${version})`,
  backtestDraft: (version) => `Черновик (${version})`,
  backtestDeclineAuc: 'AUC спада (уровень риска)',
  backtestBaselineAuc: 'AUC базовой модели по выручке',
  backtestKeyShare: 'Доля ключевого уровня в выручке следующего периода',
  saveTitle: 'Сохранить как действующую модель',
  adminKeyLabel: 'Ключ администратора Keystone',
  adminKeyDescription:
    'Для сохранения и отката нужен ключ администратора, заданный командой `hs secret add KEYSTONE_ADMIN_KEY`. Его проверяет функция; страница его не хранит.',
  noteLabel: 'Что изменено и почему',
  save: 'Сохранить',
  savedTitle: 'Модель оценки сохранена',
  saved: (version) => `${version} теперь действующая модель.`,
  saveFailedTitle: 'Не сохранено',
  nothingToSave: 'Изменений для сохранения нет.',
  historyTitle: 'Версии',
  historyEmpty: 'Сохранённых версий нет: действует модель по умолчанию.',
  version: 'Версия',
  savedAt: 'Сохранена',
  savedBy: 'Кем',
  note: 'Комментарий',
  status: 'Статус',
  active: 'Действует',
  invalid: 'Ошибка',
  rollback: 'Откатить',
  rolledBackTitle: 'Откат выполнен',
  rolledBack: (from, to) => `${from} снова действует как ${to}.`,
  rollbackFailedTitle: 'Откат не удался',
  adminKeyRequired: 'Введите ключ администратора, чтобы сохранить или откатить.',
};

const CATALOGUE: Record<UiLanguage, SettingsMessages> = { en, ru };

export function messagesFor(language: UiLanguage): SettingsMessages {
  return CATALOGUE[language];
}
