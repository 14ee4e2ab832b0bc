/** Number and text formatting for the HTML report (fixed `en-US` so reports read the same everywhere). */
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const formatAmount = (value: number | null): string => (value === null ? '—' : whole.format(value));

export const formatCompactAmount = (value: number | null): string =>
  value === null ? '—' : compact.format(value);

/** 0.253 → "25.3%"; a signed change shows its sign ("+4.0%", "−30.0%"). */
export function formatShare(value: number | null, options: { signed?: boolean } = {}): string {
  if (value === null) return '—';
  const percent = (value * 100).toFixed(1);
  if (!options.signed) return `${percent}%`;
  return value > 0 ? `+${percent}%` : value < 0 ? `−${percent.slice(1)}%` : `${percent}%`;
}

export const formatDate = (iso: string): string => iso.slice(0, 10);

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);

/**
 * JSON safe inside `<script type="application/json">`: no `</script>`, no `<!--`, and no line
 * separators that older parsers treat as newlines.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
