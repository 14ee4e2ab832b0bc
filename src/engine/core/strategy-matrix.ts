/**
 * methodology §4 (000, figure 1): strategic options by customer attractiveness × our position.
 * The table is normative: it is reproduced here exactly, rows and columns in the source's order.
 */
import type { AxisLevel, Strategy } from './enums';
import type { Localised } from './text';

/** Rows: attractiveness strong / medium / weak; columns: our position weak / medium / strong. */
export const STRATEGY_MATRIX: Readonly<Record<AxisLevel, Readonly<Record<AxisLevel, Strategy>>>> = {
  strong: { weak: 'retain_selectively', medium: 'develop_cooperation', strong: 'protect_ties' },
  medium: { weak: 'retain_minimal_effort', medium: 'protect_ties', strong: 'develop_cooperation' },
  weak: { weak: 'withdraw', medium: 'retain_minimal_effort', strong: 'protect_ties_selectively' },
};

/** The strategy of the cell for an attractiveness level and our position's level. */
export function strategyFor(attractivenessLevel: AxisLevel, positionLevel: AxisLevel): Strategy {
  return STRATEGY_MATRIX[attractivenessLevel][positionLevel];
}

/** The options' names as in methodology §4, and as in the Russian source (000). */
export const STRATEGY_LABELS: Readonly<Record<Strategy, Localised>> = {
  retain_selectively: { en: 'Retain selectively', ru: 'Удерживать выборочно' },
  develop_cooperation: { en: 'Develop cooperation', ru: 'Развивать сотрудничество с клиентом' },
  protect_ties: { en: 'Protect ties', ru: 'Защищать связи' },
  retain_minimal_effort: {
    en: 'Retain with minimal effort',
    ru: 'Удерживать клиента с минимальными затратами усилий',
  },
  withdraw: { en: 'Withdraw', ru: 'Отступить от сотрудничества с клиентом' },
  protect_ties_selectively: { en: 'Protect ties selectively', ru: 'Защищать связи выборочно' },
};
