/*
 * Rate and time left of an import, from what it reports (db/import.ts ImportProgress):
 * for the command line's bar and lines and for the Import page. Each phase (checking, then
 * writing) has its own clock: checking reads faster than writing writes, so one rate for
 * both would promise too early an end.
 */

export type ImportPhase = 'checking' | 'writing';

export interface PhaseProgress {
  phase: ImportPhase;
  /** Articles checked, or written, so far in this phase. */
  done: number;
  /** Articles to write; null while checking (the file is not read to its end yet). */
  total: number | null;
  /** 0–1 through this phase, null when unknown. */
  fraction: number | null;
}

export interface ProgressEstimate extends PhaseProgress {
  /** Articles a second in this phase so far; null before any time has passed. */
  rate: number | null;
  /** Seconds until this phase ends at that pace; null when it cannot be told. */
  secondsLeft: number | null;
}

export class ProgressEstimator {
  private phase: ImportPhase | null = null;
  private phaseStartedAt = 0;

  /** `now` in milliseconds (Date.now() or performance.now(): any clock, used consistently). */
  estimate(progress: PhaseProgress, now: number): ProgressEstimate {
    if (progress.phase !== this.phase) {
      this.phase = progress.phase;
      this.phaseStartedAt = now;
    }
    const seconds = (now - this.phaseStartedAt) / 1000;
    const rate = seconds > 0 ? progress.done / seconds : null;
    const fraction = progress.fraction;
    const secondsLeft = fraction === null || fraction <= 0 || seconds <= 0 ? null : fraction >= 1 ? 0 : (seconds * (1 - fraction)) / fraction;
    return { ...progress, rate, secondsLeft };
  }
}

const count = (value: number) => Math.round(value).toLocaleString('en');

/** "7 s", "2 min 05 s", "1 h 02 min": coarse, as a time left should be. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** One line: "writing 4,000 of 10,000 articles · 812 articles/s · 7 s left". */
export function describeProgress(estimate: ProgressEstimate): string {
  const amount =
    estimate.phase === 'writing'
      ? `writing ${count(estimate.done)} of ${count(estimate.total ?? estimate.done)} articles`
      : `checking ${count(estimate.done)} articles${estimate.fraction !== null ? ` (${Math.floor(estimate.fraction * 100)}% of the file)` : ''}`;
  const parts = [amount];
  if (estimate.rate !== null) parts.push(`${count(estimate.rate)} articles/s`);
  if (estimate.secondsLeft !== null) parts.push(`${formatDuration(estimate.secondsLeft)} left`);
  return parts.join(' · ');
}
