/**
 * Snapshot JSON written piece by piece: one company per line, so a 100k-company portfolio never
 * has to exist as one string (V8 caps strings at about 512 MB) and files diff line by line.
 */
import type { CompanyRecord, PortfolioSnapshot } from './types';

export function* snapshotJsonChunks(
  header: Omit<PortfolioSnapshot, 'companies'>,
  companies: Iterable<CompanyRecord>,
): Generator<string> {
  const head = JSON.stringify(header);
  yield `${head.slice(0, -1)},"companies":[`;
  let first = true;
  for (const company of companies) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(company)}`;
    first = false;
  }
  yield ']}\n';
}
