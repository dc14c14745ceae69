import { LABELS, LABEL_INFO } from '@/lib/labels';
import { KeyboardHelp } from './KeyboardHelp';

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
      <KeyboardHelp />
    </div>
  );
}
