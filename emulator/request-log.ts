/**
 * Counts of HubSpot API requests per endpoint (method + route pattern, e.g.
 * `POST /crm/v3/objects/{objectType}/batch/read`), so tests and benchmarks can assert how many
 * calls a sync made. Admin calls under /__emulator/ are not counted.
 */
export interface RequestLog {
  /** Requests per `METHOD /pattern`; requests no route matched count under `UNMATCHED METHOD /path`. */
  counts(): Record<string, number>;
  total(): number;
  clear(): void;
}

export class RequestCounter implements RequestLog {
  private readonly byEndpoint = new Map<string, number>();
  private sum = 0;

  record(key: string): void {
    this.byEndpoint.set(key, (this.byEndpoint.get(key) ?? 0) + 1);
    this.sum++;
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.byEndpoint.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    return this.sum;
  }

  clear(): void {
    this.byEndpoint.clear();
    this.sum = 0;
  }
}
