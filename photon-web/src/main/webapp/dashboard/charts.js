// The hour-long charts: uPlot (bundled from the npm package by Maven, no CDN).
import uPlot from './vendor/uPlot.esm.js';

const charts = new Map();

function options(title, color, width) {
  return {
    width, height: 160, legend: { show: false }, cursor: { show: true },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.15)] } },
    series: [{}, { label: title, stroke: color, width: 2, fill: color + '22' }],
    axes: [{ size: 30 }, { size: 40 }],
  };
}

/** Shows one series in the chart of the element with that id, creating it the first time. */
export function plot(elementId, title, color, times, values) {
  const target = document.getElementById(elementId);
  const data = [times, values];
  let chart = charts.get(elementId);
  if (!chart) {
    const width = Math.max(200, target.clientWidth || 300);
    chart = new uPlot(options(title, color, width), data, target);
    charts.set(elementId, chart);
    new ResizeObserver(() => chart.setSize({ width: Math.max(200, target.clientWidth), height: 160 }))
      .observe(target);
  } else {
    chart.setData(data);
  }
}
