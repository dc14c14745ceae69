/** The span labels a reviewer can apply, in the order of their keyboard shortcuts. */
export const LABELS = ['claim', 'actor', 'figure'] as const;
export type Label = (typeof LABELS)[number];

export interface LabelInfo {
  label: Label;
  name: string;
  /** The key that applies this label to the current selection. */
  shortcut: string;
  description: string;
}

export const LABEL_INFO: Record<Label, LabelInfo> = {
  claim: { label: 'claim', name: 'Claim', shortcut: '1', description: 'A statement that can be checked' },
  actor: { label: 'actor', name: 'Actor', shortcut: '2', description: 'A person, group or body' },
  figure: { label: 'figure', name: 'Figure', shortcut: '3', description: 'A number with meaning' },
};

export function labelForShortcut(key: string): Label | undefined {
  return LABELS.find((label) => LABEL_INFO[label].shortcut === key);
}
