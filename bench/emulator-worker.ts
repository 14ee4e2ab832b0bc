/**
 * Runs the emulator in its own thread for benchmarks, so the server's CPU work does not steal the
 * event loop of the client being measured (on a real portal the server is someone else's machine).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../emulator';
import { generatePortfolio } from '../emulator/generator';

type Data = { token: string; companies: number; seed: number; now: string; perTenSeconds: number };

async function main(): Promise<void> {
  const data = workerData as Data;
  const emulator = await startEmulator({
    token: data.token,
    rateLimit: { perTenSeconds: data.perTenSeconds },
  });
  parentPort?.on('message', (message: { type: string }) => {
    if (message.type === 'load') {
      const { snapshot } = generatePortfolio({
        companies: data.companies,
        seed: data.seed,
        now: new Date(data.now),
      });
      emulator.loadSnapshot(snapshot);
      parentPort?.postMessage({ type: 'loaded' });
    } else if (message.type === 'close') {
      void emulator.close().then(() => parentPort?.postMessage({ type: 'closed' }));
    }
  });
  parentPort?.postMessage({ type: 'ready', url: emulator.url });
}

void main();
