import { buyingCentreGaps } from './buying-centre-gaps';
import { parsePortfolioRows } from './portfolio-row';
import { createRow } from './test-utils/rows';

test('counts key accounts per gap and lists those with the most gaps first', () => {
  const parsed = parsePortfolioRows([
    createRow({ id: '1', kam_tier: 'key', kam_score: '90', kam_buying_centre_gaps: 'no_sponsor' }),
    createRow({
      id: '2',
      kam_tier: 'key',
      kam_score: '70',
      kam_buying_centre_gaps: 'no_sponsor;decision_maker_not_contacted;single_threaded',
    }),
    createRow({ id: '3', kam_tier: 'key', kam_score: '60', kam_buying_centre_gaps: 'no_contacts' }),
    createRow({ id: '4', kam_tier: 'key', kam_buying_centre_gaps: '' }),
    createRow({ id: '5', kam_tier: 'key', kam_buying_centre_gaps: null }),
    createRow({ id: '6', kam_tier: 'regular', kam_buying_centre_gaps: 'no_contacts' }),
  ]);
  const gaps = buyingCentreGaps(parsed.companies);
  expect(gaps.keyAccounts).toBe(5);
  expect(gaps.withGaps).toBe(3);
  expect(gaps.counts).toEqual({
    no_contacts: 1,
    no_decision_maker: 0,
    decision_maker_not_contacted: 1,
    no_sponsor: 2,
    sponsor_setting_star: 0,
    anti_sponsor_high_influence: 0,
    anti_sponsor_without_sponsor: 0,
    single_threaded: 1,
  });
  // no contacts at all weighs as much as two gaps: ahead of a single gap at a higher score
  expect(gaps.accounts.map((account) => [account.id, account.gaps])).toEqual([
    ['2', ['decision_maker_not_contacted', 'no_sponsor', 'single_threaded']],
    ['3', ['no_contacts']],
    ['1', ['no_sponsor']],
  ]);
});

test('reads the gaps as a set in catalogue order and reports unknown ids without losing the known', () => {
  const parsed = parsePortfolioRows([
    createRow({
      id: '7',
      kam_tier: 'key',
      kam_buying_centre_gaps: ' no_sponsor ;no_decision_maker;bogus;no_sponsor',
    }),
  ]);
  expect(parsed.companies[0]?.buyingCentreGaps).toEqual(['no_decision_maker', 'no_sponsor']);
  expect(parsed.fieldIssues).toEqual([{ id: '7', property: 'kam_buying_centre_gaps', value: 'bogus' }]);
});
