"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.printReport = printReport;
/** Prints the report of a run that synthesized just now. */
function printReport(mode, n, times) {
    const now = process.hrtime.bigint();
    const seconds = (from, to) => Number((Number(to - from) / 1e9).toFixed(3));
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
