import { Agent, request } from 'node:http';
import { TOKEN, useEmulator } from '../../support/emulator';

// Node's client keeps an idle connection for 5 s, and so did the emulator: the two raced, and a
// 100k sync's first writes after ~10 s of scoring met reset connections (retried, 250 ms each).
// Like HubSpot's servers, the emulator now keeps idle connections longer than its clients do.
const harness = useEmulator();

function get(agent: Agent, url: string): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const call = request(url, { agent, headers: { authorization: `Bearer ${TOKEN}` } }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, reusedSocket: call.reusedSocket }),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

test('an idle keep-alive connection is still open after the 5 s a Node client keeps one', async () => {
  const agent = new Agent({ keepAlive: true, timeout: 30_000 });
  const url = `${harness.emulator.url}/crm/v3/objects/companies?limit=1`;
  try {
    expect(await get(agent, url)).toEqual({ status: 200, reusedSocket: false });
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(await get(agent, url)).toEqual({ status: 200, reusedSocket: true });
  } finally {
    agent.destroy();
  }
}, 15_000);
