/**
 * The many-APIs part of `npm run bench`: each shape of bench/synth-apps.ts at each size, the
 * hand-written pattern and the library taking turns in fresh processes, and the report's section
 * on them (time and peak RSS against the hand-written pattern, and their growth with N).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { APIS_PER_STACK, APP_SHAPES, AppShape } from './synth-apps';

interface Measurement {
  readonly wallSeconds: number;
  readonly peakRssMb: number;
}

/** What the shapes describe, for the report. */
const SHAPE_LABELS: Record<AppShape, string> = {
  'rest': 'N REST APIs, one stack',
  'http': 'N HTTP APIs, one stack',
  'websocket': 'N WebSocket APIs, one stack',
  'mapped': 'N HTTP APIs mapped on one domain, one stack',
  'rest-stacks': `N REST APIs, ${APIS_PER_STACK} a stack`,
  'http-stacks': `N HTTP APIs, ${APIS_PER_STACK} a stack`,
  'websocket-stacks': `N WebSocket APIs, ${APIS_PER_STACK} a stack`,
  'mapped-stacks': `N HTTP APIs mapped on one domain, ${APIS_PER_STACK} a stack`,
};

const MODES = ['hand-written', 'library'] as const;
type Mode = typeof MODES[number];

/** The targets of the many-APIs shapes: library / hand-written at N = 300 and 1000, and the growth of the time ratio from the smallest N to the largest. */
const TIME_TARGET = 1.15;
const RSS_TARGET = 1.20;
const GROWTH_TARGET = 1.10;
const TARGET_SIZES = [300, 1000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function synthesize(root: string, shape: AppShape, mode: Mode, n: number): Measurement {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(__dirname, 'synth-apps.js'), shape, mode, String(n)], { cwd: root, encoding: 'utf8' });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`synth-apps.js ${shape} ${mode} ${n} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return { wallSeconds, peakRssMb: JSON.parse(lines[lines.length - 1]).peakRssMb };
}

/** The medians of `runs` runs of every shape and mode at every size, by `shape:mode:n`. */
export function measureApps(root: string, sizes: readonly number[], runs: number): Map<string, Measurement> {
  const results = new Map<string, Measurement>();
  for (const n of sizes) {
    for (const shape of APP_SHAPES) {
      const samples = new Map<Mode, Measurement[]>(MODES.map((mode) => [mode, []]));
      for (let run = 0; run < runs; run++) {
        MODES.forEach((mode) => samples.get(mode)!.push(synthesize(root, shape, mode, n)));
      }
      for (const mode of MODES) {
        const taken = samples.get(mode)!;
        results.set(`${shape}:${mode}:${n}`, { wallSeconds: median(taken.map((s) => s.wallSeconds)), peakRssMb: median(taken.map((s) => s.peakRssMb)) });
      }
      const [hand, library] = MODES.map((mode) => results.get(`${shape}:${mode}:${n}`)!);
      console.log(`${SHAPE_LABELS[shape]} N=${n}: hand-written ${hand.wallSeconds.toFixed(2)} s, library ${library.wallSeconds.toFixed(2)} s `
        + `(${(library.wallSeconds / hand.wallSeconds).toFixed(2)}x), ${hand.peakRssMb} / ${library.peakRssMb} MB (median of ${runs})`);
    }
  }
  return results;
}

/** The report's section on the many-APIs shapes, and its target lines. */
export function appsSection(results: Map<string, Measurement>, sizes: readonly number[]): { section: string[]; targets: string[] } {
  const at = (shape: AppShape, mode: Mode, n: number) => results.get(`${shape}:${mode}:${n}`)!;
  const timeRatio = (shape: AppShape, n: number) => at(shape, 'library', n).wallSeconds / at(shape, 'hand-written', n).wallSeconds;
  const rssRatio = (shape: AppShape, n: number) => at(shape, 'library', n).peakRssMb / at(shape, 'hand-written', n).peakRssMb;
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  const section = [
    '### Many small APIs', '',
    'The shapes platform teams have (bench/synth-apps.ts): N APIs of 3 methods or routes each (MOCK integrations for REST and WebSocket,',
    'HTTP proxies for HTTP), one stage each, in one stack or spread over stacks; "mapped": each HTTP API mapped at its own key on one',
    'custom domain (its resource\'s attribute in one stack, its literal name across stacks). Hand-written: the provider pages\' patterns',
    '(a `sha1(jsonencode(ids))` or `sha1(join(",", [jsonencode(<route>), ...]))` trigger, a separate stage, an `aws_apigatewayv2_api_mapping`',
    'per API). Library: the deployment constructs and `addApiMapping` over the same resources.', '',
    '| shape | N | hand-written | library | time ratio | peak RSS hand-written / library | RSS ratio |',
    '|---|---:|---:|---:|---:|---|---:|',
  ];
  for (const shape of APP_SHAPES) {
    for (const n of sizes) {
      const [hand, library] = MODES.map((mode) => at(shape, mode, n));
      section.push(`| ${SHAPE_LABELS[shape]} | ${n} | ${hand.wallSeconds.toFixed(2)} s | ${library.wallSeconds.toFixed(2)} s | `
        + `${timeRatio(shape, n).toFixed(2)} | ${hand.peakRssMb} / ${library.peakRssMb} MB | ${rssRatio(shape, n).toFixed(2)} |`);
    }
  }
  const targets: string[] = [];
  const target = (text: string, value: number, limit: number) => targets.push(`- ${text}, target ≤ ${limit.toFixed(2)}: ${value.toFixed(2)} ${value <= limit ? '(met)' : '(missed)'}`);
  for (const shape of APP_SHAPES) {
    for (const n of TARGET_SIZES.filter((size) => sizes.includes(size))) {
      target(`${SHAPE_LABELS[shape]}: library / hand-written time at N = ${n}`, timeRatio(shape, n), TIME_TARGET);
      target(`${SHAPE_LABELS[shape]}: library / hand-written peak RSS at N = ${n}`, rssRatio(shape, n), RSS_TARGET);
    }
    if (smallest !== largest) {
      target(`${SHAPE_LABELS[shape]}: growth of the time ratio from N = ${smallest} to ${largest}`, timeRatio(shape, largest) / timeRatio(shape, smallest), GROWTH_TARGET);
    }
  }
  return { section, targets };
}
