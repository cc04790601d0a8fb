import type { Chart } from 'chart.js';
import { formatValue } from '../../model/agreement/agreement';
import { h } from '../dom';

let library: Promise<typeof import('./chartLib')> | null = null;

export interface BarSeries {
  label: string;
  values: (number | null)[];
  /** A CSS custom property holding the colour (light and dark themes differ). */
  colorVar: string;
}

export interface BarChart {
  element: HTMLElement;
  update(labels: string[], series: BarSeries[]): void;
  dispose(): void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A grouped bar chart of coefficients per label. The canvas is an image to assistive technology, described by the
 * table that carries the same figures (describedBy); updating keeps the chart and moves its bars, so a live refresh
 * does not flicker.
 */
export function barChart(name: string, describedBy: string): BarChart {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${name}. The figures are in the table.`, 'aria-describedby': describedBy });
  const element = h('figure', { class: 'bar-chart' }, h('div', { class: 'chart-box' }, canvas));
  let chart: Chart<'bar', (number | null)[], string> | null = null;
  let latest: { labels: string[]; series: BarSeries[] } | null = null;
  let disposed = false;

  function colors() {
    const style = getComputedStyle(document.documentElement);
    return (name: string) => style.getPropertyValue(name).trim() || '#888';
  }

  function draw(Chart: typeof import('./chartLib').Chart): void {
    if (disposed || !latest) return;
    const { labels, series } = latest;
    const color = colors();
    const datasets = series.map((s) => ({ label: s.label, data: s.values, backgroundColor: color(s.colorVar), borderRadius: 2 }));
    const low = Math.floor(Math.min(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))) * 10) / 10;
    // A chart with many labels gets taller rather than squeezing them.
    element.classList.toggle('tall', labels.length > 12);
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets = datasets;
      chart.options.scales!['y']!.min = low;
      chart.update(reducedMotion() ? 'none' : undefined);
      return;
    }
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion() ? false : { duration: 250 },
        scales: {
          y: { min: low, max: 1, ticks: { color: color('--text-muted') }, grid: { color: color('--border') } },
          x: { ticks: { color: color('--text-muted') }, grid: { display: false } },
        },
        plugins: {
          legend: { labels: { color: color('--text') } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatValue(item.raw as number | null)}` } },
        },
      },
    });
  }

  return {
    element,
    update(labels, series) {
      latest = { labels, series };
      library ??= import('./chartLib');
      library.then((lib) => draw(lib.Chart), (error: unknown) => console.error(error));
    },
    dispose() {
      disposed = true;
      chart?.destroy();
      chart = null;
    },
  };
}
