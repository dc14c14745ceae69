import type { ProgressStatus } from '@/lib/vocabulary';

export const PROGRESS_TEXT: Record<ProgressStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
};

interface Entry {
  reviewerId: number;
  username: string;
  displayName: string;
  status: ProgressStatus;
  annotationCount?: number;
}

interface Props {
  progress: Entry[];
  emptyText: string;
  showNames: boolean;
  /** Also say how many annotations each layer holds (the admin's library: counts there are gold's). */
  showCounts?: boolean;
}

/** Who works on an article and how far each is, as small status chips. */
export function ProgressList({ progress, emptyText, showNames, showCounts = false }: Props) {
  if (progress.length === 0) return <span className="progress-chip" data-status="not_started">{emptyText}</span>;
  return (
    <ul className="progress-list">
      {progress.map((entry) => (
        <li key={entry.reviewerId} className="progress-chip" data-status={entry.status} data-reviewer={entry.username}>
          {showNames ? `${entry.displayName}: ` : ''}
          {PROGRESS_TEXT[entry.status]}
          {showCounts && entry.annotationCount !== undefined && <span className="progress-count"> · {entry.annotationCount} tagged</span>}
        </li>
      ))}
    </ul>
  );
}
