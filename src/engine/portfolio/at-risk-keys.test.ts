import { atRiskKeys } from './at-risk-keys';
import { parsePortfolioRows } from './portfolio-row';
import { createRow, explanationJson } from './test-utils/rows';

test('lists key accounts at risk, worst first, with the stored reasons and explanation signals merged', () => {
  const rows = [
    createRow({
      id: '1',
      kam_tier: 'key',
      kam_risk_level: 'at_risk',
      kam_won_revenue_12m: '500',
      kam_risk_reasons: 'Volume down 40%',
    }),
    createRow({
      id: '2',
      kam_tier: 'key',
      kam_risk_level: 'critical',
      kam_loss_stage: '3',
      kam_risk_reasons: 'Ticket burst',
      kam_explanation: explanationJson({
        risk: {
          level: 'critical',
          lossStage: 3,
          signals: [
            { id: 'a', severity: 'high', text: { en: 'Ticket burst', ru: '' } },
            { id: 'b', severity: 'high', text: { en: 'Meetings cancelled', ru: '' } },
          ],
        },
      }),
    }),
    createRow({ id: '3', kam_tier: 'key', kam_risk_level: 'watch' }),
    createRow({ id: '4', kam_tier: 'important', kam_risk_level: 'critical' }),
  ];
  const result = atRiskKeys(parsePortfolioRows(rows).companies);
  expect(result.accounts.map((account) => account.id)).toEqual(['2', '1']);
  expect(result.accounts[0]).toMatchObject({ lossStage: 3, signals: ['Ticket burst', 'Meetings cancelled'] });
  expect(result.countsByLevel).toEqual({ none: 0, watch: 1, at_risk: 1, critical: 1 });
  expect(atRiskKeys(parsePortfolioRows(rows).companies, 'watch').accounts).toHaveLength(3);
});
