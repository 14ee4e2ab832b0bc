/**
 * The script that draws the report's charts in the browser with ECharts (inlined before it). It
 * reads the JSON embedded in `#report-data`, draws four charts without animation (stable
 * screenshots) and marks `<html data-charts-ready="N">` when done, for the browser check.
 */
export const CHART_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var TIER_COLOURS = { key: '#0b6e4f', important: '#e08e0b', regular: '#8d99ae', none: '#c9ccd1' };
  var AMOUNT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  var charts = [];
  var base = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' } };

  function mount(id, option) {
    var element = document.getElementById(id);
    if (!element) return;
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(Object.assign({}, base, option));
    charts.push(chart);
  }

  var cut = data.kaism.cut;
  mount('chart-kaism', {
    legend: { top: 0 },
    grid: { left: 60, right: 30, top: 40, bottom: 50 },
    tooltip: {
      trigger: 'item',
      formatter: function (p) {
        var name = p.data[2] ? p.data[2] + '<br>' : '';
        return name + p.seriesName + ' · strength ' + p.data[0] + ' · attractiveness ' + p.data[1];
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, name: 'Relationship strength / loyalty', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', min: 0, max: 100, name: 'Customer attractiveness', nameLocation: 'middle', nameGap: 40 },
    series: data.kaism.series.map(function (s, index) {
      var series = {
        name: s.label,
        type: 'scatter',
        data: s.points,
        symbolSize: s.tier === 'key' ? 8 : 5,
        large: s.points.length > 2000,
        largeThreshold: 2000,
        itemStyle: { color: TIER_COLOURS[s.tier], opacity: s.tier === 'key' ? 0.95 : 0.6 },
      };
      if (cut && index === 0) {
        series.markLine = {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#555', type: 'dashed' },
          label: { formatter: 'cut', position: 'end' },
          data: [{ xAxis: cut.strength }, { yAxis: cut.attractiveness }],
        };
      }
      return series;
    }),
  });

  mount('chart-pareto', {
    grid: { left: 60, right: 30, top: 30, bottom: 50 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    xAxis: { type: 'value', min: 0, max: 100, name: 'Share of companies, largest first (%)', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', min: 0, max: 100, name: 'Share of revenue (%)', nameLocation: 'middle', nameGap: 40 },
    series: [
      {
        name: 'Cumulative revenue',
        type: 'line',
        showSymbol: false,
        data: data.pareto.curve,
        areaStyle: { opacity: 0.12 },
        lineStyle: { width: 2, color: '#0b6e4f' },
        itemStyle: { color: '#0b6e4f' },
        markLine: data.pareto.classACompanyPercent === null ? undefined : {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#e08e0b', type: 'dashed' },
          label: { formatter: 'class A: ' + data.pareto.classACompanyPercent + '% of companies, ' + data.pareto.classARevenuePercent + '% of revenue' },
          data: [{ xAxis: data.pareto.classACompanyPercent }],
        },
      },
      { name: 'Equal shares', type: 'line', showSymbol: false, data: [[0, 0], [100, 100]], lineStyle: { type: 'dotted', color: '#aaa' }, tooltip: { show: false } },
    ],
  });

  var volumeYears = data.volume.years.slice();
  var volumeRevenue = data.volume.revenue.map(function (v) { return { value: v }; });
  if (data.volume.yearToDate) {
    volumeYears.push(data.volume.yearToDate.label);
    volumeRevenue.push({ value: data.volume.yearToDate.revenue, itemStyle: { color: '#b7d8cb' } });
  }
  mount('chart-volume', {
    legend: { top: 0 },
    grid: { left: 70, right: 60, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: volumeYears },
    yAxis: [
      { type: 'value', name: 'Won revenue', axisLabel: { formatter: function (v) { return AMOUNT.format(v); } } },
      { type: 'value', name: 'Buying key accounts', minInterval: 1 },
    ],
    series: [
      { name: 'Won revenue of the key group', type: 'bar', data: volumeRevenue, itemStyle: { color: '#0b6e4f' } },
      { name: 'Key accounts buying', type: 'line', yAxisIndex: 1, data: data.volume.buyingAccounts, itemStyle: { color: '#e08e0b' } },
    ],
  });

  mount('chart-movers', {
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return Math.abs(v); } },
    xAxis: { type: 'category', data: data.movers.months },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: function (v) { return Math.abs(v); } } },
    series: [
      { name: 'Moved up', type: 'bar', stack: 'moves', data: data.movers.up, itemStyle: { color: '#0b6e4f' } },
      { name: 'Moved down', type: 'bar', stack: 'moves', data: data.movers.down, itemStyle: { color: '#c0392b' } },
    ],
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  document.documentElement.setAttribute('data-charts-ready', String(charts.length));
})();
`;
