/**
 * V8 tuning for the processes that score whole portfolios (`kam`, the benchmarks).
 *
 * A portfolio run keeps every company's result until the last one is scored. V8's
 * allocation-site pretenuring notices that and allocates those objects straight into old space,
 * which cost more here than it saved: 100k companies scored in 3.93–4.09 s without it against
 * 4.38–4.99 s with it (three fresh processes each, bench/score.bench.ts, 2026-11-26), and with
 * ~40% fewer page faults. The flag only switches that optimisation off: objects are then
 * allocated young and promoted by the scavenger, as every other object is. It is read at each
 * garbage collection, so setting it at start-up, before any portfolio is loaded, is enough.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneHeapForPortfolios(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
