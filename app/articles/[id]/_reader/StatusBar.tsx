export interface Status {
  kind: 'info' | 'error';
  text: string;
}

interface Props {
  status: Status | null;
  canUndo: boolean;
  undoLabel: string | undefined;
  onUndo: () => void;
  onDismiss: () => void;
}

/** Fixed to the bottom edge so messages never push the text around; errors are announced assertively. */
export function StatusBar({ status, canUndo, undoLabel, onUndo, onDismiss }: Props) {
  return (
    <div className="status-bar" data-testid="status-bar">
      <p role={status?.kind === 'error' ? 'alert' : 'status'} className={status?.kind === 'error' ? 'status-error' : undefined}>
        {status?.text ?? ''}
      </p>
      <div className="status-actions">
        {canUndo && (
          <button type="button" onClick={onUndo} title={undoLabel ? `Undo ${undoLabel}` : undefined} aria-keyshortcuts="Control+Z">
            Undo
          </button>
        )}
        {status && (
          <button type="button" className="quiet" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        )}
      </div>
    </div>
  );
}
