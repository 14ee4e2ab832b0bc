/** The minified ECharts build the report inlines (package `echarts`, `dist/echarts.min.js`). */
import { readFileSync } from 'node:fs';
import { KeystoneError } from '../errors';

export function loadEchartsSource(): string {
  try {
    return readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
  } catch (error) {
    throw new KeystoneError(
      'report.charts_missing',
      'cannot read echarts/dist/echarts.min.js: run `npm ci` so the charting library is installed',
      {},
      { cause: error },
    );
  }
}
