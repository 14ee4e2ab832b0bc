import { generatePortfolio, generateSnapshotBatches, snapshotHeader, snapshotJsonChunks } from './index';
import { NOW } from './test-utils/facts';

const options = { companies: 40, seed: 8, now: NOW };

test('the streamed JSON parses to the same snapshot, one company per line', () => {
  const { snapshot } = generatePortfolio(options);
  const json = [...snapshotJsonChunks(snapshotHeader(options), snapshot.companies)].join('');
  expect(JSON.parse(json)).toEqual(snapshot);
  expect(json.split('\n')).toHaveLength(1 + 40 + 1);
});

test('an empty portfolio streams as valid JSON', () => {
  const json = [...snapshotJsonChunks(snapshotHeader(options), [])].join('');
  expect(JSON.parse(json)).toEqual({ ...snapshotHeader(options), companies: [] });
});

test('batches hold the same companies in order, at most the batch size each', () => {
  const batches = [...generateSnapshotBatches(options, 15)];
  expect(batches.map((batch) => batch.companies.length)).toEqual([15, 15, 10]);
  expect(batches.flatMap((batch) => batch.companies)).toEqual(generatePortfolio(options).snapshot.companies);
  expect(batches[0]).toMatchObject(snapshotHeader(options));
});
