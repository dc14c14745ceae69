import { AppError } from '../errors';

/*
 * Which layer an export reads. A choice is `gold` (the adjudicated layer), `all` layers, `me`,
 * or a reviewer's username. Reviewers export their own work only; admins any one layer, gold,
 * or all of them. Without a choice, admins get gold and reviewers their own layer.
 */

/** `gold`, `all`, `me`, or one reviewer's username. */
export type LayerChoice = string;

export type ResolvedLayerChoice = { kind: 'all' } | { kind: 'gold' } | { kind: 'self' } | { kind: 'reviewer'; username: string };

export function resolveLayerChoice(exporter: { admin: boolean; username: string }, layer: LayerChoice | undefined): ResolvedLayerChoice {
  const choice = layer ?? (exporter.admin ? 'gold' : exporter.username);
  if (!exporter.admin && choice !== exporter.username && choice !== 'me') {
    throw new AppError('export_own_layer_only', `Reviewers can export their own layer only ("${exporter.username}").`);
  }
  if (choice === 'me') return { kind: 'self' };
  if (choice === 'all') return { kind: 'all' };
  if (choice === 'gold') return { kind: 'gold' };
  return { kind: 'reviewer', username: choice };
}
