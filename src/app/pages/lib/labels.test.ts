import { KAM_PROPERTIES } from '@keystone/shared';
import { GAP_LABELS, QUADRANT_LABELS, RISK_LABELS, STRATEGY_LABELS, TIER_LABELS } from './labels';

const optionLabels = (property: string): Record<string, string> =>
  Object.fromEntries(
    (KAM_PROPERTIES.find((candidate) => candidate.name === property)?.options ?? []).map((option) => [
      option.value,
      option.label,
    ]),
  );

// The page's labels must say what HubSpot's property options say, for every option.
test.each([
  ['kam_tier', TIER_LABELS],
  ['kam_quadrant', QUADRANT_LABELS],
  ['kam_strategy', STRATEGY_LABELS],
  ['kam_risk_level', RISK_LABELS],
  ['kam_buying_centre_gaps', GAP_LABELS],
])('the page labels %s options as the property catalogue does', (property, labels) => {
  expect(labels).toEqual(optionLabels(property));
});
