/**
 * Result parts shared within one scoring run. A portfolio run keeps every company's result in
 * memory at once, and many parts repeat across companies: a factor without data, a KAM-input
 * level under the same data pattern, a risk signal raised by the same counts, the reason of a
 * strategy cell, a set of buying roles, a list of data gaps. Each is built once per run, frozen
 * and shared, which keeps the heap and the garbage collection of a 100k-company run small
 * (bench/score.bench.ts). The tables live as long as the run: nothing is kept between runs, and a
 * result never depends on what was scored before it.
 *
 * Lookups take their key parts as arguments (no key strings, arrays or closures), because they
 * run for most factors of every company.
 */
export type SharedParts = { readonly tables: Map<string, Map<unknown, unknown>> };

/** Empty tables for one scoring run. */
export function createSharedParts(): SharedParts {
  return { tables: new Map() };
}

function tableOf(shared: SharedParts, kind: string): Map<unknown, unknown> {
  let table = shared.tables.get(kind);
  if (table === undefined) {
    table = new Map();
    shared.tables.set(kind, table);
  }
  return table;
}

/**
 * The run's table of one kind, for a caller that keys it itself (say with one packed integer,
 * which is cheaper to look up than nested tables).
 */
export function tableWithinRun<K, V>(shared: SharedParts, kind: string): Map<K, V> {
  return tableOf(shared, kind) as Map<K, V>;
}

/** Freezes a part built to be shared (and everything in it); returns it. */
export function freezeShared<T>(value: T): T {
  return deepFreeze(value);
}

function childOf(table: Map<unknown, unknown>, key: unknown): Map<unknown, unknown> {
  let child = table.get(key) as Map<unknown, unknown> | undefined;
  if (child === undefined) {
    child = new Map();
    table.set(key, child);
  }
  return child;
}

/** The run's value for (`kind`, `first`, `second`, `third`), if one was stored. */
export function findWithinRun<T extends object>(
  shared: SharedParts,
  kind: string,
  first: unknown,
  second: unknown,
  third: unknown,
): T | undefined {
  const firstLevel = shared.tables.get(kind)?.get(first) as Map<unknown, unknown> | undefined;
  const secondLevel = firstLevel?.get(second) as Map<unknown, unknown> | undefined;
  return secondLevel?.get(third) as T | undefined;
}

/** Freezes `value` and stores it as the run's value for (`kind`, `first`, `second`, `third`). */
export function storeWithinRun<T extends object>(
  shared: SharedParts,
  kind: string,
  first: unknown,
  second: unknown,
  third: unknown,
  value: T,
): T {
  childOf(childOf(tableOf(shared, kind), first), second).set(third, deepFreeze(value));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}
