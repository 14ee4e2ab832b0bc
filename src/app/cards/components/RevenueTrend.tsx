import { BarChart } from '@hubspot/ui-extensions';
import type { Explanation } from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

type RevenueTrendProps = { revenueByYear: Explanation['revenueByYear']; messages: CardMessages };

/** methodology §9 step 1: volume dynamics over the last years. Not drawn when there is no won revenue at all. */
export const RevenueTrend = ({ revenueByYear, messages }: RevenueTrendProps) => {
  if (!revenueByYear.some((entry) => entry.amount > 0)) return null;
  const data = [...revenueByYear]
    .sort((a, b) => a.year - b.year)
    .map((entry) => ({ year: String(entry.year), amount: entry.amount }));
  return (
    <BarChart
      testId="kam-revenue-trend"
      data={data}
      axes={{
        x: { field: 'year', fieldType: 'category', label: messages.year },
        y: { field: 'amount', fieldType: 'linear', label: messages.wonRevenue },
      }}
      options={{ title: messages.revenueTrend, showTooltips: true }}
    />
  );
};
