/**
 * Customer attractiveness to us, the KAISM vertical axis (methodology §3), from the parameters of
 * §1 (financial contribution, reputational capital, development potential), 001's attractiveness
 * factors (volume and frequency of orders, regularity, growth prospects, financial reputation)
 * and 002's "worth the effort" list (net value after costs to serve, pays on time).
 */
import { FACTOR_LABELS } from './catalogue-texts';
import type { FactorDefinition } from './factor-definition';
import { roundTo, toScale } from './numbers';
import {
  IDEAL_CUSTOMER_PROFILE_LABELS,
  INPUT_LEVEL_LABELS,
  NOT_SET,
  PAYMENT_DISCIPLINE_LABELS,
  REPUTATION_LABELS,
} from './option-labels';
import { revenuePositionOf } from './revenue-position';
import { formatAmount, formatDecimal, formatShare, localise, type Localised } from './text';

const TARGET_ACCOUNT: Localised = { en: 'a target account', ru: 'целевой клиент' };

const revenue: FactorDefinition = {
  id: 'revenue',
  takesFewValues: false,
  label: FACTOR_LABELS.revenue,
  // §1 financial contribution is a share of our revenue: the company's place among the portfolio's
  // buyers (revenue-position.ts). Without a portfolio at hand (no whole run yet), a log scale
  // against the reference, so one giant does not flatten everyone else.
  measure: ({ metrics, model, revenueReference, revenueQuantiles }) => {
    if (metrics.dealCount === 0) return null;
    const won = metrics.wonRevenueLast12Months;
    if (revenueQuantiles !== null) {
      return { value: roundTo(100 * revenuePositionOf(won, revenueQuantiles), 1), raw: won };
    }
    const value = won <= 0 ? 0 : 100 * (1 + Math.log10(won / revenueReference) / model.scales.revenueDecades);
    return { value: toScale(value), raw: won };
  },
  describe: ({ metrics, homeCurrency, revenueReference, revenueQuantiles }) =>
    localise((language) => {
      const won = `${formatAmount(metrics.wonRevenueLast12Months, language)} ${homeCurrency}`;
      if (revenueQuantiles !== null) {
        const above = formatShare(revenuePositionOf(metrics.wonRevenueLast12Months, revenueQuantiles));
        return language === 'en'
          ? `won revenue in the last 12 months is ${won}, above ${above} of the portfolio's buyers`
          : `выручка по выигранным сделкам за 12 месяцев — ${won}, больше, чем у ${above} покупателей портфеля`;
      }
      return language === 'en'
        ? `won revenue in the last 12 months is ${won} (portfolio reference ${formatAmount(revenueReference, language)})`
        : `выручка по выигранным сделкам за 12 месяцев — ${won} (ориентир портфеля ${formatAmount(revenueReference, language)})`;
    }),
};

const growth: FactorDefinition = {
  id: 'growth',
  takesFewValues: false,
  label: FACTOR_LABELS.growth,
  // §3 growth prospects, §9 step 1 volume dynamics: flat scores 50
  measure: ({ metrics, model }) => {
    if (metrics.dealCount === 0) return null;
    const growthRatio = metrics.wonRevenueGrowth;
    if (growthRatio === null) {
      // nothing won in the 12 months before: new business is full growth, no business at all is no data
      return metrics.wonRevenueLast12Months > 0 ? { value: 100, raw: null } : null;
    }
    return { value: toScale(50 + (50 * growthRatio) / model.scales.growthForFullScore), raw: growthRatio };
  },
  describe: ({ metrics }) => {
    const growthRatio = metrics.wonRevenueGrowth;
    if (growthRatio === null) {
      return {
        en: 'revenue is new: nothing was won in the 12 months before',
        ru: 'выручка новая: за предыдущие 12 месяцев выигранных сделок не было',
      };
    }
    const sign = growthRatio >= 0 ? '+' : '−';
    return {
      en: `won revenue changed ${sign}${formatShare(Math.abs(growthRatio))} against the previous 12 months`,
      ru: `выручка изменилась на ${sign}${formatShare(Math.abs(growthRatio))} к предыдущим 12 месяцам`,
    };
  },
};

const purchaseFrequency: FactorDefinition = {
  id: 'purchase_frequency',
  takesFewValues: false,
  label: FACTOR_LABELS.purchase_frequency,
  // 001: volume and frequency of orders
  measure: ({ metrics, model }) =>
    metrics.dealCount === 0
      ? null
      : {
          value: toScale(
            (100 * metrics.purchaseFrequencyPerYear) / model.scales.purchasesPerYearForFullScore,
          ),
          raw: metrics.purchaseFrequencyPerYear,
        },
  describe: ({ metrics }) =>
    localise((language) =>
      language === 'en'
        ? `${formatDecimal(metrics.purchaseFrequencyPerYear, 1, language)} won deals a year`
        : `${formatDecimal(metrics.purchaseFrequencyPerYear, 1, language)} выигранных сделок в год`,
    ),
};

const purchaseRegularity: FactorDefinition = {
  id: 'purchase_regularity',
  takesFewValues: true,
  label: FACTOR_LABELS.purchase_regularity,
  // 001 regularity of cooperation, consistency; 002 buys steadily, so sales can be forecast
  measure: ({ metrics }) =>
    metrics.purchaseRegularity === null
      ? null
      : { value: toScale(100 * metrics.purchaseRegularity), raw: metrics.purchaseRegularity },
  describe: ({ metrics }) => {
    const share = formatShare(metrics.purchaseRegularity ?? 0);
    return {
      en: `${share} of quarters since the first purchase had a won deal`,
      ru: `выигранные сделки были в ${share} кварталов с первой покупки`,
    };
  },
};

const reputation: FactorDefinition = {
  id: 'reputation',
  takesFewValues: true,
  label: FACTOR_LABELS.reputation,
  // §1 reputational capital (KAM input)
  measure: ({ facts, model }) =>
    facts.marketReputation === null
      ? null
      : { value: model.inputValues.reputation[facts.marketReputation], raw: facts.marketReputation },
  describe: ({ facts }) => {
    const level = facts.marketReputation === null ? NOT_SET : REPUTATION_LABELS[facts.marketReputation];
    return { en: `market reputation is ${level.en}`, ru: `репутация на рынке: ${level.ru}` };
  },
};

const growthPotential: FactorDefinition = {
  id: 'growth_potential',
  takesFewValues: true,
  label: FACTOR_LABELS.growth_potential,
  // §1 development potential; 004 growth potential (KAM input)
  measure: ({ facts, model }) =>
    facts.growthPotential === null
      ? null
      : { value: model.inputValues.growthPotential[facts.growthPotential], raw: facts.growthPotential },
  describe: ({ facts }) => {
    const level = facts.growthPotential === null ? NOT_SET : INPUT_LEVEL_LABELS[facts.growthPotential];
    return { en: `growth potential is ${level.en}`, ru: `потенциал развития: ${level.ru}` };
  },
};

const strategicFit: FactorDefinition = {
  id: 'strategic_fit',
  takesFewValues: true,
  label: FACTOR_LABELS.strategic_fit,
  // §2: how well the customer fits our goals; the KAM's judgement first, then HubSpot's ICP tier, then target-account flag
  measure: ({ facts, model }) => {
    if (facts.strategicFit !== null) {
      return { value: model.inputValues.strategicFit[facts.strategicFit], raw: facts.strategicFit };
    }
    if (facts.idealCustomerProfile !== null) {
      return {
        value: model.inputValues.idealCustomerProfile[facts.idealCustomerProfile],
        raw: facts.idealCustomerProfile,
      };
    }
    if (facts.isTargetAccount === true)
      return { value: model.inputValues.targetAccount, raw: 'target_account' };
    return null;
  },
  describe: ({ facts }) => {
    const source: Localised =
      facts.strategicFit !== null
        ? INPUT_LEVEL_LABELS[facts.strategicFit]
        : facts.idealCustomerProfile !== null
          ? IDEAL_CUSTOMER_PROFILE_LABELS[facts.idealCustomerProfile]
          : facts.isTargetAccount === true
            ? TARGET_ACCOUNT
            : NOT_SET;
    return { en: `strategic fit is ${source.en}`, ru: `соответствие целям: ${source.ru}` };
  },
};

const paymentDiscipline: FactorDefinition = {
  id: 'payment_discipline',
  takesFewValues: true,
  label: FACTOR_LABELS.payment_discipline,
  // 002: pays on time; 001: good financial reputation (KAM input)
  measure: ({ facts, model }) =>
    facts.paymentDiscipline === null
      ? null
      : { value: model.inputValues.paymentDiscipline[facts.paymentDiscipline], raw: facts.paymentDiscipline },
  describe: ({ facts }) => {
    const level =
      facts.paymentDiscipline === null ? NOT_SET : PAYMENT_DISCIPLINE_LABELS[facts.paymentDiscipline];
    return { en: `the client ${level.en}`, ru: `клиент ${level.ru}` };
  },
};

const netValue: FactorDefinition = {
  id: 'net_value',
  takesFewValues: false,
  label: FACTOR_LABELS.net_value,
  // 002: positive net value after all costs to serve; the value is the share of revenue left
  measure: ({ metrics }) => {
    if (metrics.annualCostToServe === null || metrics.netValueLast12Months === null) return null;
    const won = metrics.wonRevenueLast12Months;
    const value = won <= 0 ? 0 : 100 * (1 - metrics.annualCostToServe / won);
    return { value: toScale(value), raw: roundTo(metrics.netValueLast12Months, 2) };
  },
  describe: ({ metrics, homeCurrency }) =>
    localise((language) => {
      const net = `${formatAmount(metrics.netValueLast12Months ?? 0, language)} ${homeCurrency}`;
      const cost = `${formatAmount(metrics.annualCostToServe ?? 0, language)} ${homeCurrency}`;
      return language === 'en'
        ? `net value is ${net} after ${cost} cost to serve`
        : `чистая ценность ${net} после затрат на обслуживание ${cost}`;
    }),
};

/** The attractiveness factors in display order (the model's weights are keyed by their ids). */
export const ATTRACTIVENESS_FACTOR_DEFINITIONS: readonly FactorDefinition[] = [
  revenue,
  growth,
  purchaseFrequency,
  purchaseRegularity,
  reputation,
  growthPotential,
  strategicFit,
  paymentDiscipline,
  netValue,
];
