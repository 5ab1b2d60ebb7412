/**
 * A small line chart for the benchmark: drawn as SVG, rendered to PNG by resvg
 * (installed in bench/ by `npm run bench`).
 */

/** One line of the chart: a label and its (x, y) points. */
export interface Series {
  readonly label: string;
  readonly points: Array<[number, number]>;
}

const WIDTH = 900;
const HEIGHT = 560;
const MARGIN = { left: 80, right: 30, top: 60, bottom: 70 };
const COLOURS = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A "nice" upper bound and tick step for an axis that must reach `max`. */
function axis(max: number, ticks = 5): { top: number; step: number } {
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return { top: Math.ceil(max / step) * step, step };
}

/** The chart as SVG text. */
export function chartSvg(title: string, series: Series[]): string {
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  const xAxis = axis(Math.max(...xs));
  const yAxis = axis(Math.max(...ys));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + (x / xAxis.top) * plotWidth;
  const py = (y: number) => MARGIN.top + plotHeight - (y / yAxis.top) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="32" font-size="20" text-anchor="middle">${escape(title)}</text>`,
  ];
  for (let y = 0; y <= yAxis.top + 1e-9; y += yAxis.step) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${py(y) + 5}" font-size="13" text-anchor="end">${Number(y.toFixed(2))}</text>`);
  }
  for (let x = 0; x <= xAxis.top + 1e-9; x += xAxis.step) {
    parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight + 5}" stroke="#333"/>`);
    parts.push(`<text x="${px(x)}" y="${MARGIN.top + plotHeight + 22}" font-size="13" text-anchor="middle">${x}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 20}" font-size="14" text-anchor="middle">N (resource + method + integration triples)</text>`);
  parts.push(`<text x="22" y="${MARGIN.top + plotHeight / 2}" font-size="14" text-anchor="middle" transform="rotate(-90 22 ${MARGIN.top + plotHeight / 2})">seconds</text>`);
  series.forEach((s, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const points = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="3"/>`);
    s.points.forEach(([x, y]) => parts.push(`<circle cx="${px(x)}" cy="${py(y)}" r="5" fill="${colour}"/>`));
    const legendY = MARGIN.top + 10 + index * 24;
    parts.push(`<rect x="${MARGIN.left + 20}" y="${legendY - 10}" width="18" height="6" fill="${colour}"/>`);
    parts.push(`<text x="${MARGIN.left + 46}" y="${legendY}" font-size="14">${escape(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The chart as PNG bytes. */
export function renderChart(title: string, series: Series[]): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require('@resvg/resvg-js');
  return new Resvg(chartSvg(title, series), { font: { loadSystemFonts: true } }).render().asPng();
}
