/** The one JSON line each benchmark process prints: its phases and its peak memory. */
export interface PhaseTimes {
  /** When the process started loading its libraries. */
  readonly started: bigint;
  /** When loading was done and building the constructs began. */
  readonly loaded: bigint;
  /** When the constructs were built and synthesis began. */
  readonly built: bigint;
}

/** Prints the report of a run that synthesized just now. */
export function printReport(mode: string, n: number, times: PhaseTimes): void {
  const now = process.hrtime.bigint();
  const seconds = (from: bigint, to: bigint) => Number((Number(to - from) / 1e9).toFixed(3));
  console.log(JSON.stringify({
    mode,
    n,
    seconds: seconds(times.started, now),
    load: seconds(times.started, times.loaded),
    build: seconds(times.loaded, times.built),
    synth: seconds(times.built, now),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
}
