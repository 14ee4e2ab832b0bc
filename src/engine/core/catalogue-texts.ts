/**
 * The fixed texts of the catalogue: each factor's label and each recommended action's title, in
 * English and Russian. Data only, so the card can look them up by id: the stored explanation
 * (kam_explanation) carries ids and figures, not these texts, which keeps every company's
 * document small.
 */
import type {
  FactorId,
  OrganisationGapId,
  OrganisationMapGroup,
  RecommendationId,
  SupplierPosition,
} from './enums';

export type CatalogueText = Readonly<{ en: string; ru: string }>;

export const FACTOR_LABELS: Readonly<Record<FactorId, CatalogueText>> = {
  revenue: { en: 'Revenue size', ru: 'Объём выручки' },
  growth: { en: 'Revenue growth', ru: 'Рост выручки' },
  purchase_frequency: { en: 'Purchase frequency', ru: 'Частота покупок' },
  purchase_regularity: { en: 'Purchase regularity', ru: 'Регулярность покупок' },
  reputation: { en: 'Market reputation', ru: 'Репутация на рынке' },
  growth_potential: { en: 'Growth potential', ru: 'Потенциал развития' },
  strategic_fit: { en: 'Strategic fit', ru: 'Соответствие целям' },
  payment_discipline: { en: 'Payment discipline', ru: 'Платёжная дисциплина' },
  net_value: { en: 'Net value after cost to serve', ru: 'Чистая ценность за вычетом затрат' },
  tenure: { en: 'Tenure as a customer', ru: 'Срок сотрудничества' },
  repeat_purchase: { en: 'Repeat purchase', ru: 'Повторные покупки' },
  win_rate: { en: 'Win rate', ru: 'Доля выигранных сделок' },
  engagement_recency: { en: 'Recent contact', ru: 'Давность контакта' },
  meeting_health: { en: 'Meeting health', ru: 'Встречи' },
  buying_centre_coverage: { en: 'Buying-centre coverage', ru: 'Охват закупочного центра' },
  perception_level: { en: 'Perception ladder level', ru: 'Ступень лестницы восприятия' },
  recommends_us: { en: 'Recommends us', ru: 'Рекомендует нас' },
  ticket_health: { en: 'Support ticket health', ru: 'Обращения в поддержку' },
};

export const RECOMMENDATION_TITLES: Readonly<Record<RecommendationId, CatalogueText>> = {
  lost_client_interview: {
    en: 'Run the lost-client analysis and interview',
    ru: 'Провести анализ потери клиента и интервью',
  },
  resolve_recurring_problems: {
    en: 'Find and fix the recurring problem behind the complaints',
    ru: 'Найти и устранить повторяющуюся проблему, стоящую за жалобами',
  },
  reengage_personal_contact: {
    en: 'Re-establish personal contact: book a meeting',
    ru: 'Восстановить личный контакт: назначить встречу',
  },
  build_trust: { en: 'Build and deepen trust', ru: 'Формировать и углублять доверие' },
  entry_barriers: {
    en: 'Raise barriers to entry for competitors',
    ru: 'Создавать барьеры входа для конкурентов',
  },
  joint_activities: {
    en: 'Start joint activities: project teams, market research, a shared database',
    ru: 'Инициировать совместные мероприятия: проектные команды, исследования рынка, общая база данных',
  },
  exit_barriers: {
    en: 'Strengthen barriers to exit: technical support, leasing or factoring, logistics',
    ru: 'Укреплять барьеры выхода: техподдержка, лизинг или факторинг, логистика',
  },
  consistent_communication: {
    en: 'Communicate regularly and consistently',
    ru: 'Общаться своевременно и последовательно',
  },
  build_community: {
    en: 'Bring the client into our community: webinars, events, forums',
    ru: 'Вовлечь клиента в сообщество: вебинары, мероприятия, форумы',
  },
  account_development_plan: {
    en: 'Write and review an account development plan',
    ru: 'Составить и регулярно пересматривать план развития клиента',
  },
  review_account_plan: {
    en: 'Review the account development plan with the team',
    ru: 'Пересмотреть план развития клиента вместе с командой',
  },
  buying_centre_mapping: {
    en: 'Map the buying centre and build a network across the client',
    ru: 'Составить карту закупочного центра и выстроить сеть контактов у клиента',
  },
  climb_perception_ladder: {
    en: 'Climb the perception ladder: add value beyond price',
    ru: 'Подняться по лестнице восприятия: добавлять ценность помимо цены',
  },
  grow_share_of_wallet: {
    en: 'Grow use and sales of existing products; cross-sell',
    ru: 'Увеличить использование и продажи существующих продуктов; перекрёстные продажи',
  },
  preventive_support: {
    en: 'Offer priority, preventive support',
    ru: 'Предложить приоритетную превентивную поддержку',
  },
  loyalty_recognition: { en: 'Recognise and reward loyalty', ru: 'Признавать и поощрять лояльность клиента' },
  review_cost_to_serve: {
    en: 'Weigh the cost to serve against what the client brings',
    ru: 'Сопоставить затраты на обслуживание с тем, что приносит клиент',
  },
  minimal_effort_service: {
    en: 'Serve with minimal effort: standard terms, digital tools',
    ru: 'Обслуживать с минимальными усилиями: стандартные условия, цифровые инструменты',
  },
  withdraw_gracefully: {
    en: 'Withdraw: stop investing in the relationship',
    ru: 'Отступить: прекратить вложения в отношения с клиентом',
  },
  collect_account_information: {
    en: 'Fill in the missing account information',
    ru: 'Заполнить недостающую информацию о клиенте',
  },
};

/**
 * Supplier positioning (methodology §6): what each cell means to the client and what moves us
 * toward *partner* (more value given where we are significant, more significance where we give value).
 */
export const SUPPLIER_POSITION_TEXTS: Readonly<
  Record<
    SupplierPosition,
    Readonly<{ label: CatalogueText; meaning: CatalogueText; towardPartner: CatalogueText }>
  >
> = {
  partner: {
    label: { en: 'Partner supplier', ru: 'Поставщик-партнёр' },
    meaning: {
      en: 'Our supply matters to the client and we give high value: doors are open.',
      ru: 'Наши поставки важны клиенту, и мы даём высокую ценность: двери открыты.',
    },
    towardPartner: {
      en: 'Keep it: review the value we deliver with the client regularly and protect the ties.',
      ru: 'Сохранить: регулярно сверять с клиентом ценность, которую мы даём, и защищать связи.',
    },
  },
  managed: {
    label: { en: 'Managed supplier', ru: 'Контролируемый поставщик' },
    meaning: {
      en: 'Our supply matters to the client but the value they see is low: we are scrutinised and access is controlled.',
      ru: 'Наши поставки важны клиенту, но ценность он видит низкую: нас проверяют и ограничивают доступ.',
    },
    towardPartner: {
      en: 'Raise the value delivered: solve the client’s problems beyond the product, show savings and results, add services.',
      ru: 'Повысить ценность: решать задачи клиента шире продукта, показывать экономию и результат, добавлять услуги.',
    },
  },
  desired: {
    label: { en: 'Desired supplier', ru: 'Желанный поставщик' },
    meaning: {
      en: 'The client values what we give but our supply is not yet significant to them: we can win more business.',
      ru: 'Клиент ценит то, что мы даём, но наши поставки пока для него не значимы: можно получить больше заказов.',
    },
    towardPartner: {
      en: 'Grow significance: win a larger share of wallet and supply what is critical to the client’s business.',
      ru: 'Повысить значимость: увеличить долю в закупках и поставлять то, что критично для бизнеса клиента.',
    },
  },
  independent: {
    label: { en: 'Independent supplier', ru: 'Независимый поставщик' },
    meaning: {
      en: 'Neither significant nor valued: the client calls us only in emergencies.',
      ru: 'Ни значимы, ни ценны: клиент обращается к нам только в крайнем случае.',
    },
    towardPartner: {
      en: 'First show value on one concrete problem, then widen what we supply; or serve with minimal effort.',
      ru: 'Сначала показать ценность на одной конкретной задаче, затем расширять поставки; или обслуживать с минимальными усилиями.',
    },
  },
};

/** Organisation map (003): the groups of people, as the card heads them. */
export const ORGANISATION_GROUP_LABELS: Readonly<Record<OrganisationMapGroup, CatalogueText>> = {
  decision_maker: { en: 'Decision makers', ru: 'Лица, принимающие решения' },
  influencer: { en: 'Influencers', ru: 'Влияющие лица' },
  sponsor: { en: 'Sponsors (champions)', ru: 'Спонсоры (сторонники)' },
  anti_sponsor: { en: 'Anti-sponsors (blockers)', ru: 'Антиспонсоры (противники)' },
  rising_star: { en: 'Rising stars', ru: 'Восходящие звёзды' },
  setting_star: { en: 'Setting stars', ru: 'Заходящие звёзды' },
};

/** Organisation map (003): what each gap says. Figures (the 180 days) are the default rule's. */
export const ORGANISATION_GAP_TEXTS: Readonly<Record<OrganisationGapId, CatalogueText>> = {
  no_contacts: {
    en: 'No contacts at this company: the buying centre is not mapped at all.',
    ru: 'У компании нет контактов: закупочный центр не описан.',
  },
  no_decision_maker: {
    en: 'No decision maker is known.',
    ru: 'Не известно ни одно лицо, принимающее решения.',
  },
  decision_maker_not_contacted: {
    en: 'No decision maker contacted in 180 days.',
    ru: 'С лицами, принимающими решения, не было контакта 180 дней.',
  },
  no_sponsor: {
    en: 'No sponsor: nobody at the client champions us.',
    ru: 'Нет спонсора: никто у клиента не продвигает нас.',
  },
  sponsor_setting_star: {
    en: 'Our sponsor is a setting star: build a second relationship before they leave.',
    ru: 'Наш спонсор — заходящая звезда: нужно выстроить вторую связь до его ухода.',
  },
  anti_sponsor_high_influence: {
    en: 'An anti-sponsor with high influence works against us.',
    ru: 'Против нас работает антиспонсор с большим влиянием.',
  },
  anti_sponsor_without_sponsor: {
    en: 'An anti-sponsor and no sponsor to balance them.',
    ru: 'Есть антиспонсор, и нет спонсора, чтобы его уравновесить.',
  },
  single_threaded: {
    en: 'Only one person mapped: the relationship hangs on a single thread.',
    ru: 'Описан только один человек: отношения держатся на одной нити.',
  },
};
