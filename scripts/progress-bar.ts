import { describeProgress, ProgressEstimator, type PhaseProgress } from '../lib/import/progress';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;
const LINE_EVERY_MS = 2_000;

/**
 * The CLI's progress for one file, on stderr. On a terminal: a bar redrawn in place
 * ("[#########---------------]  38% writing 3,800 of 10,000 articles · 812 articles/s · 8 s left");
 * piped or redirected: a plain line every 2 s and when a phase ends, so logs stay readable.
 * Both start with `prefix` (the file). `clear` removes the bar before the file's report is printed.
 */
export function progressReporter(prefix: string, stream: NodeJS.WriteStream = process.stderr): { update: (progress: PhaseProgress) => void; clear: () => void } {
  const estimator = new ProgressEstimator();
  // Plain lines start after 2 s: a short import prints only its report.
  let lastDrawn = performance.now();
  let drawn = false;
  return {
    update(progress) {
      const now = performance.now();
      const estimate = estimator.estimate(progress, now);
      const phaseEnds = progress.fraction === 1;
      const line = describeProgress(estimate);
      if (stream.isTTY) {
        if (now - lastDrawn < REDRAW_MS && !phaseEnds) return;
        const fraction = progress.fraction ?? 0;
        const filled = Math.round(fraction * BAR_WIDTH);
        const text = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${line}`;
        // Cut to the terminal's width, so the bar never wraps (a wrapped line cannot be redrawn).
        stream.write(`\r\x1b[2K${`${prefix}${text}`.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
        drawn = true;
      } else {
        // The end of a phase is worth a line only when the phase was long enough to have had one.
        if ((now - lastDrawn < LINE_EVERY_MS || estimate.rate === null) && !(phaseEnds && drawn)) return;
        stream.write(`${prefix}${line}\n`);
        drawn = !phaseEnds;
      }
      lastDrawn = now;
    },
    clear() {
      if (drawn && stream.isTTY) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
