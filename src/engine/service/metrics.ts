/**
 * The numbers `kam serve` exposes at `GET /metrics`, in Prometheus' text exposition format
 * (version 0.0.4), every name prefixed `keystone_`. Counters only go up; gauges hold the last
 * run's figures. No label ever carries a token, an id of a person or free text from a request.
 */

type Labels = Readonly<Record<string, string>>;
type Kind = 'counter' | 'gauge';
type Family = { help: string; kind: Kind; values: Map<string, { labels: Labels; value: number }> };

const key = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((name) => `${name}=${labels[name]}`)
    .join(',');

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export class Metrics {
  private readonly families = new Map<string, Family>();

  private family(name: string, help: string, kind: Kind): Family {
    if (!/^keystone_[a-z0-9_]+$/.test(name))
      throw new Error(`metric name ${name} must be keystone_[a-z0-9_]+`);
    let family = this.families.get(name);
    if (!family) {
      family = { help, kind, values: new Map() };
      this.families.set(name, family);
    } else if (family.kind !== kind) {
      throw new Error(`metric ${name} is a ${family.kind}, not a ${kind}`);
    }
    return family;
  }

  /** Declares a metric so it is exposed (at 0 for an unlabelled counter) before anything happens. */
  declare(name: string, help: string, kind: Kind): void {
    const family = this.family(name, help, kind);
    if (kind === 'counter' && family.values.size === 0) family.values.set('', { labels: {}, value: 0 });
  }

  inc(name: string, help: string, by = 1, labels: Labels = {}): void {
    if (!Number.isFinite(by) || by < 0) return;
    const family = this.family(name, help, 'counter');
    if (Object.keys(labels).length > 0) family.values.delete('');
    const k = key(labels);
    const current = family.values.get(k);
    family.values.set(k, { labels, value: (current?.value ?? 0) + by });
  }

  set(name: string, help: string, value: number, labels: Labels = {}): void {
    if (!Number.isFinite(value)) return;
    this.family(name, help, 'gauge').values.set(key(labels), { labels, value });
  }

  get(name: string, labels: Labels = {}): number | undefined {
    return this.families.get(name)?.values.get(key(labels))?.value;
  }

  /** The exposition text, families sorted by name. */
  render(): string {
    const lines: string[] = [];
    for (const [name, family] of [...this.families.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`# HELP ${name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
      lines.push(`# TYPE ${name} ${family.kind}`);
      for (const { labels, value } of family.values.values()) {
        const names = Object.keys(labels).sort();
        const labelText =
          names.length === 0
            ? ''
            : `{${names.map((n) => `${n}="${escapeLabel(labels[n] ?? '')}"`).join(',')}}`;
        lines.push(`${name}${labelText} ${formatNumber(value)}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
