/**
 * The oracle's process (started by supervisor.ts): reads one job per line on stdin (a program
 * and the options of `checkProgram`), answers on file descriptor 3 with a line when it is ready,
 * then per job one JSON line per phase it enters and one with the result, so that the supervisor
 * can tell where a program hangs.
 * Its stdout and stderr are the library's and cdktf's, kept apart from the answers.
 */
import * as fs from 'fs';
import * as readline from 'readline';
import { checkProgram, checkedProgram } from './oracle';

/** The answers' file descriptor. */
const ANSWERS = 3;

function answer(message: unknown): void {
  fs.writeSync(ANSWERS, `${JSON.stringify(message)}\n`);
}

// Loaded (cdktf, the provider classes, the library): the supervisor starts timing programs from here.
answer({ ready: true });

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const job = JSON.parse(line);
  try {
    const report = checkProgram(job.program, { ...job.options, onPhase: (phase: string) => answer({ id: job.id, phase }) });
    answer({ id: job.id, result: checkedProgram(report) });
  } catch (error) {
    answer({ id: job.id, error: (error as Error)?.stack ?? String(error) });
  }
});
