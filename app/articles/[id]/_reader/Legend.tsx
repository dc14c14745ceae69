import { LABELS, LABEL_INFO } from '@/lib/labels';

interface Props {
  snapToWords: boolean;
  onSnapChange: (value: boolean) => void;
}

export function Legend({ snapToWords, onSnapChange }: Props) {
  return (
    <div className="legend" aria-label="Labels and reading options">
      <ul className="legend-labels" aria-label="Label colours">
        {LABELS.map((label) => (
          <li key={label}>
            <span className={`swatch label-${label}`} aria-hidden="true" />
            {LABEL_INFO[label].name}
            <kbd title={`Press ${LABEL_INFO[label].shortcut} to tag the selection as ${LABEL_INFO[label].name}`}>{LABEL_INFO[label].shortcut}</kbd>
          </li>
        ))}
      </ul>
      <label className="snap-toggle">
        <input type="checkbox" checked={snapToWords} onChange={(event) => onSnapChange(event.target.checked)} />
        Snap selections to whole words
      </label>
      <details className="shortcuts">
        <summary>Keyboard</summary>
        <dl>
          <dt>Arrows, Shift+Arrows</dt>
          <dd>move the caret in the article, extend the selection (Ctrl: by word)</dd>
          <dt>1 · 2 · 3</dt>
          <dd>tag the selection as claim · actor · figure, or relabel the selected annotation</dd>
          <dt>J · K</dt>
          <dd>next · previous annotation</dd>
          <dt>Delete</dt>
          <dd>delete the selected annotation</dd>
          <dt>Ctrl+Z</dt>
          <dd>undo the last change</dd>
          <dt>Esc</dt>
          <dd>clear the selection</dd>
        </dl>
      </details>
    </div>
  );
}
