/** Numbers and dates as the page shows them. */
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatCount = (value: number): string => whole.format(value);

export const formatAmount = (value: number | null): string => (value === null ? '—' : whole.format(value));

export function formatShare(value: number | null, signed = false): string {
  if (value === null) return '—';
  const percent = `${(Math.abs(value) * 100).toFixed(1)}%`;
  if (!signed || value === 0) return value < 0 ? `−${percent}` : percent;
  return value > 0 ? `+${percent}` : `−${percent}`;
}

export const formatDay = (iso: string): string => iso.slice(0, 10);

type DateParts = { year: number; month: number; date: number };

/** DateInput values count months from 0. */
export const toDateParts = (day: string): DateParts => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month: month - 1, date };
};

export const fromDateParts = (parts: DateParts): string =>
  `${parts.year}-${String(parts.month + 1).padStart(2, '0')}-${String(parts.date).padStart(2, '0')}`;

/** The day `days` before `now`, as `YYYY-MM-DD` (UTC). */
export const daysBefore = (now: Date, days: number): string =>
  new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** HubSpot's company record (objectTypeId 0-2) in the current portal. */
export const companyRecordUrl = (portalId: number, companyId: string): string =>
  `/contacts/${portalId}/record/0-2/${companyId}`;
