/**
 * Human names, in both languages, of the option values that appear in reasons and signals
 * (KAM inputs and HubSpot's ICP tiers), so a sentence never shows an internal value.
 */
import type {
  IdealCustomerProfileTier,
  InputLevel,
  LossReason,
  PaymentDiscipline,
  PerceptionLevel,
  ReputationLevel,
} from './enums';
import type { Localised } from './text';

export const INPUT_LEVEL_LABELS: Readonly<Record<InputLevel, Localised>> = {
  low: { en: 'low', ru: 'низкий' },
  medium: { en: 'medium', ru: 'средний' },
  high: { en: 'high', ru: 'высокий' },
};

export const REPUTATION_LABELS: Readonly<Record<ReputationLevel, Localised>> = {
  low: { en: 'low', ru: 'низкая' },
  medium: { en: 'medium', ru: 'средняя' },
  high: { en: 'high', ru: 'высокая' },
  industry_leader: { en: 'industry leader', ru: 'лидер отрасли' },
};

// methodology §7: the rungs of the perception ladder
export const PERCEPTION_LEVEL_LABELS: Readonly<Record<PerceptionLevel, Localised>> = {
  commodity_broker: { en: 'commodity broker ("one of many")', ru: 'брокер («один из многих»)' },
  provider: {
    en: 'provider with small extras ("one of some")',
    ru: 'поставщик с мелкими выгодами («один из некоторых»)',
  },
  value_adder: { en: 'value adder ("one of the chosen")', ru: 'добавляющий ценность («один из избранных»)' },
  business_partner: { en: 'business partner (an insider)', ru: 'бизнес-партнёр («свой человек»)' },
};

export const PAYMENT_DISCIPLINE_LABELS: Readonly<Record<PaymentDiscipline, Localised>> = {
  on_time: { en: 'pays on time', ru: 'платит вовремя' },
  sometimes_late: { en: 'sometimes pays late', ru: 'иногда платит с опозданием' },
  often_late: { en: 'often pays late', ru: 'часто платит с опозданием' },
};

export const IDEAL_CUSTOMER_PROFILE_LABELS: Readonly<Record<IdealCustomerProfileTier, Localised>> = {
  tier_1: { en: 'ICP tier 1', ru: 'ICP, уровень 1' },
  tier_2: { en: 'ICP tier 2', ru: 'ICP, уровень 2' },
  tier_3: { en: 'ICP tier 3', ru: 'ICP, уровень 3' },
};

// methodology §9 step 3
export const LOSS_REASON_LABELS: Readonly<Record<LossReason, Localised>> = {
  closure: { en: 'the client closed down', ru: 'закрытие компании' },
  diversification: { en: 'the client diversified', ru: 'диверсификация деятельности' },
  switched_supplier: { en: 'switched to another supplier', ru: 'переход к другому поставщику' },
  price: { en: 'price', ru: 'цена' },
  quality_or_service: { en: 'quality or service', ru: 'качество или обслуживание' },
  staff_attitude: {
    en: 'incorrect attitude of our staff',
    ru: 'некорректное отношение со стороны персонала компании',
  },
  reduced_demand: { en: 'reduced demand', ru: 'снижение спроса' },
  other: { en: 'other', ru: 'другое' },
};

export const NOT_SET: Localised = { en: 'not set', ru: 'не указано' };
