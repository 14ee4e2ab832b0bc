export { buildReportHtml, type ReportInput } from './build-report-html';
export { buildChartData, type ChartDataOptions, type ReportChartData, type ScatterPoint } from './chart-data';
export { loadEchartsSource } from './echarts-source';
export { optionLabel } from './labels';
