/**
 * `npm run bench`: synthesizes the same REST API at several sizes three ways, each
 * configuration in fresh processes running compiled JavaScript (what users run: no
 * ts-node, whose fixed cost would hide part of the difference), and writes a Markdown
 * report and a PNG chart.
 *
 *   (a) hand-written   plain cdktf in the provider page's pattern (bench/synth-api.ts hand-written)
 *   (b) library  RestApiDeployment over the same resources (bench/synth-api.ts library)
 *   (c) awscdk   AWS CDK's RestApi with the same methods (bench/awscdk-api.ts)
 *   (d) v2-hand-written  an HTTP API of N routes with their integrations, in the
 *       aws_apigatewayv2_deployment page's pattern (bench/synth-api.ts v2-hand-written)
 *   (e) v2-library       HttpApiDeployment over the same routes (bench/synth-api.ts v2-library)
 *
 * Then the shapes of many small APIs (bench/synth-apps.ts, bench/apps-report.ts): REST, HTTP and
 * WebSocket APIs, and HTTP APIs mapped on one domain, in one stack and spread over stacks.
 *
 * Options: --sizes 100,1000,3000  --app-sizes 100,300,1000  --runs 3  --out bench/RESULTS.md  --chart bench/chart.png
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appsSection, measureApps } from './apps-report';
import { renderChart, Series } from './chart';
import { BENCH_DIR, REPOSITORY_ROOT } from './paths';

const ROOT = REPOSITORY_ROOT;
const MODES = ['hand-written', 'library', 'awscdk', 'v2-hand-written', 'v2-library'] as const;
type Mode = typeof MODES[number];
const LABELS: Record<Mode, string> = {
  'hand-written': "(a) cdktf, the provider page's pattern",
  'library': '(b) cdktf + RestApiDeployment',
  'awscdk': '(c) AWS CDK RestApi',
  'v2-hand-written': "(d) cdktf HTTP API, the provider page's pattern",
  'v2-library': '(e) cdktf HTTP API + HttpApiDeployment',
};

interface Measurement {
  readonly wallSeconds: number;
  readonly peakRssMb: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a node script in a fresh process; returns the wall time and the JSON line it printed last. */
function runNode(args: string[]): { wallSeconds: number; report: any } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return { wallSeconds, report: JSON.parse(lines[lines.length - 1]) };
}

function synthesize(mode: Mode, n: number): Measurement {
  // The compiled scripts sit next to this one (bench/.compiled/).
  const script = mode === 'awscdk' ? [path.join(__dirname, 'awscdk-api.js'), String(n)] : [path.join(__dirname, 'synth-api.js'), mode, String(n)];
  const { wallSeconds, report } = runNode(script);
  return { wallSeconds, peakRssMb: report.peakRssMb };
}

/** Cold `require` of cdktf alone, and of cdktf then the library's entry point. */
function loadCost(runs: number) {
  const probe = (withLibrary: boolean) => `
    const t0 = process.hrtime.bigint();
    require('cdktf');
    const t1 = process.hrtime.bigint();
    ${withLibrary ? `require(${JSON.stringify(path.join(ROOT, 'lib'))});` : ''}
    const t2 = process.hrtime.bigint();
    console.log(JSON.stringify({ cdktfMs: Number(t1 - t0) / 1e6, libraryMs: Number(t2 - t1) / 1e6, rssMb: process.memoryUsage().rss / 1048576 }));`;
  const samples = (withLibrary: boolean) => Array.from({ length: runs }, () => runNode(['-e', probe(withLibrary)]).report);
  const alone = samples(false);
  const withLibrary = samples(true);
  return {
    cdktfMs: median(alone.map((s) => s.cdktfMs)),
    cdktfRssMb: median(alone.map((s) => s.rssMb)),
    libraryMs: median(withLibrary.map((s) => s.libraryMs)),
    libraryRssMb: median(withLibrary.map((s) => s.rssMb)),
  };
}

function versionOf(pkg: string, from = ROOT): string {
  try {
    return JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [from] }), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function main(): void {
  const sizes = option('sizes', '100,1000,3000').split(',').map(Number);
  const appSizes = option('app-sizes', '100,300,1000').split(',').map(Number);
  const runs = Number(option('runs', '3'));
  const out = path.resolve(ROOT, option('out', 'bench/RESULTS.md'));
  const chart = path.resolve(ROOT, option('chart', 'bench/chart.png'));

  const results = new Map<string, Measurement>();
  for (const n of sizes) {
    // Round-robin over the modes, so a slow spell of the machine hits each of them alike.
    const samplesOf = new Map<Mode, Measurement[]>(MODES.map((mode) => [mode, []]));
    for (let run = 0; run < runs; run++) {
      MODES.forEach((mode) => samplesOf.get(mode)!.push(synthesize(mode, n)));
    }
    for (const mode of MODES) {
      const samples = samplesOf.get(mode)!;
      const measurement = { wallSeconds: median(samples.map((s) => s.wallSeconds)), peakRssMb: median(samples.map((s) => s.peakRssMb)) };
      results.set(`${mode}:${n}`, measurement);
      console.log(`${LABELS[mode]} N=${n}: ${measurement.wallSeconds.toFixed(2)} s, ${measurement.peakRssMb} MB (median of ${runs})`);
    }
  }
  const apps = appsSection(measureApps(ROOT, appSizes, runs), appSizes);
  const load = loadCost(Math.max(runs, 5));
  const at = (mode: Mode, n: number) => results.get(`${mode}:${n}`)!;

  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Generated by \`npm run bench\` (\`bench/run.ts\`) on ${new Date().toISOString().slice(0, 10)}.`, '');
  lines.push(`- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`);
  lines.push(`- Node.js ${process.version}; cdktf ${versionOf('cdktf')}; @cdktf/provider-aws ${versionOf('@cdktf/provider-aws')}; `
    + `aws-cdk-lib ${versionOf('aws-cdk-lib', BENCH_DIR)}; cdktf-api-gateway-deployment ${versionOf(ROOT)}`);
  lines.push(`- Each configuration ran in ${runs} fresh process(es) of compiled JavaScript, the kinds taking turns (\`node bench/.compiled/*.js\`, no ts-node);`
    + ' the table shows medians. Wall time is the whole process'
    + ' (node start, loading, building the constructs, synthesizing to disk) measured by the parent.');
  lines.push('- The API: N resources, each with a GET method; MOCK integrations with a request template, every third a Lambda proxy.');
  lines.push('- (a) plain cdktf in the provider page\'s pattern: deep imports, `sha1(jsonencode(ids))` trigger, separate stage.');
  lines.push('  (b) `RestApiDeployment` over the same resources. (c) AWS CDK `RestApi` with the same methods, stack resource limit raised by context,');
  lines.push('  with its defaults (recent aws-cdk-lib releases validate the synthesized template by default, which is part of their time).', '');
  lines.push('| N | (a) hand-written | (b) library | (c) AWS CDK | (b)/(a) | (c)/(b) | peak RSS (a) / (b) / (c) |');
  lines.push('|---:|---:|---:|---:|---:|---:|---|');
  for (const n of sizes) {
    const [a, b, c] = (['hand-written', 'library', 'awscdk'] as const).map((mode) => at(mode, n));
    lines.push(`| ${n} | ${a.wallSeconds.toFixed(2)} s | ${b.wallSeconds.toFixed(2)} s | ${c.wallSeconds.toFixed(2)} s | `
      + `${(b.wallSeconds / a.wallSeconds).toFixed(2)} | ${(c.wallSeconds / b.wallSeconds).toFixed(2)} | ${a.peakRssMb} / ${b.peakRssMb} / ${c.peakRssMb} MB |`);
  }
  lines.push('', '### HTTP APIs', '');
  lines.push('N routes, each with its integration (HTTP proxies, every third a Lambda proxy). (d) the `aws_apigatewayv2_deployment` page\'s pattern:');
  lines.push('`sha1(join(",", [jsonencode(<integration>), jsonencode(<route>), ...]))` over every route and integration, a separate stage. (e) `HttpApiDeployment`.', '');
  lines.push('| N | (d) hand-written | (e) library | (e)/(d) | peak RSS (d) / (e) |');
  lines.push('|---:|---:|---:|---:|---|');
  for (const n of sizes) {
    const [d, e] = (['v2-hand-written', 'v2-library'] as const).map((mode) => at(mode, n));
    lines.push(`| ${n} | ${d.wallSeconds.toFixed(2)} s | ${e.wallSeconds.toFixed(2)} s | ${(e.wallSeconds / d.wallSeconds).toFixed(2)} | ${d.peakRssMb} / ${e.peakRssMb} MB |`);
  }
  lines.push('', ...apps.section);
  lines.push('', '## Targets', '');
  const target = (text: string, value: number | undefined, ok: (v: number) => boolean, digits = 2) =>
    lines.push(`- ${text}: ${value === undefined ? 'not measured in this run' : `${value.toFixed(digits)} ${ok(value) ? '(met)' : '(missed)'}`}`);
  const has = (n: number) => sizes.includes(n);
  for (const n of [1000, 3000]) {
    target(`(b)/(a) time at N = ${n}, target ≤ 1.10`, has(n) ? at('library', n).wallSeconds / at('hand-written', n).wallSeconds : undefined, (v) => v <= 1.10);
  }
  for (const n of [1000, 3000]) {
    target(`(b)/(a) peak RSS at N = ${n}, target ≤ 1.15`, has(n) ? at('library', n).peakRssMb / at('hand-written', n).peakRssMb : undefined, (v) => v <= 1.15);
  }
  target('(e)/(d) time at N = 1000, target ≤ 1.10', has(1000) ? at('v2-library', 1000).wallSeconds / at('v2-hand-written', 1000).wallSeconds : undefined,
    (v) => v <= 1.10);
  target('(e)/(d) peak RSS at N = 1000, target ≤ 1.15', has(1000) ? at('v2-library', 1000).peakRssMb / at('v2-hand-written', 1000).peakRssMb : undefined,
    (v) => v <= 1.15);
  target('(c)/(b) at N = 3000, target ≥ 3', has(3000) ? at('awscdk', 3000).wallSeconds / at('library', 3000).wallSeconds : undefined, (v) => v >= 3);
  target('(b) time(3000)/time(1000), target ≤ 3.3', has(3000) && has(1000) ? at('library', 3000).wallSeconds / at('library', 1000).wallSeconds : undefined,
    (v) => v <= 3.3);
  target('loading the library after cdktf, extra ms, target ≤ 150', load.libraryMs, (v) => v <= 150, 0);
  target('loading the library after cdktf, extra MB, target ≤ 40', load.libraryRssMb - load.cdktfRssMb, (v) => v <= 40, 1);
  lines.push(...apps.targets);
  lines.push('', `Cold \`require\`: cdktf alone ${load.cdktfMs.toFixed(0)} ms and ${load.cdktfRssMb.toFixed(0)} MB RSS; `
    + `the library's entry point after it ${load.libraryMs.toFixed(0)} ms more, ${load.libraryRssMb.toFixed(0)} MB RSS in all.`);
  lines.push('', `![time against N](${path.relative(path.dirname(out), chart)})`, '');

  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, lines.join('\n'));
  const series: Series[] = MODES.map((mode) => ({ label: LABELS[mode], points: sizes.map((n) => [n, at(mode, n).wallSeconds] as [number, number]) }));
  fs.writeFileSync(chart, renderChart('Synth wall time against N (median, s)', series));
  console.log(`wrote ${path.relative(ROOT, out)} and ${path.relative(ROOT, chart)}`);
}

main();
