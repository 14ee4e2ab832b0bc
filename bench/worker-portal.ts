/**
 * A generated portal served by the emulator on its own thread (bench/emulator-worker.ts), so the
 * sync being measured does not share its event loop with the server it calls.
 */
import { Worker } from 'node:worker_threads';

export type WorkerPortal = {
  url: string;
  /** Generates the portfolio into the emulator (after any set-up the benchmark wants first). */
  load: () => Promise<void>;
  close: () => Promise<void>;
};

export async function portalInWorker(options: {
  token: string;
  companies: number;
  seed: number;
  now: Date;
  perTenSeconds: number;
}): Promise<WorkerPortal> {
  // the emulator's thread runs from its own bundle, as the benchmarks do (scripts/bundle.cjs)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundler = require('../scripts/bundle.cjs') as { freshBundle: (entry: string) => string };
  const worker = new Worker(bundler.freshBundle('bench/emulator-worker.ts'), {
    workerData: { ...options, now: options.now.toISOString() },
  });
  const next = (type: string) =>
    new Promise<{ url?: string }>((resolve) => {
      const onMessage = (message: { type: string; url?: string }) => {
        if (message.type !== type) return;
        worker.off('message', onMessage);
        resolve(message);
      };
      worker.on('message', onMessage);
    });
  const { url } = await next('ready');
  return {
    url: url as string,
    load: async () => {
      worker.postMessage({ type: 'load' });
      await next('loaded');
    },
    close: async () => {
      worker.postMessage({ type: 'close' });
      await next('closed');
      await worker.terminate();
    },
  };
}
