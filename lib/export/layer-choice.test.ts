import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { resolveLayerChoice } from './layer-choice';

const admin = { admin: true, username: 'admin' };
const amira = { admin: false, username: 'amira' };

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isAppError(error) ? `${error.code} ${error.status}` : 'not an AppError';
  }
}

describe('resolveLayerChoice', () => {
  it('gives admins gold by default and any layer they name', () => {
    expect(resolveLayerChoice(admin, undefined)).toEqual({ kind: 'gold' });
    expect(resolveLayerChoice(admin, 'all')).toEqual({ kind: 'all' });
    expect(resolveLayerChoice(admin, 'me')).toEqual({ kind: 'self' });
    expect(resolveLayerChoice(admin, 'amira')).toEqual({ kind: 'reviewer', username: 'amira' });
  });

  it('gives reviewers their own layer, by default, by name or as "me", and nothing else', () => {
    expect(resolveLayerChoice(amira, undefined)).toEqual({ kind: 'reviewer', username: 'amira' });
    expect(resolveLayerChoice(amira, 'amira')).toEqual({ kind: 'reviewer', username: 'amira' });
    expect(resolveLayerChoice(amira, 'me')).toEqual({ kind: 'self' });
    for (const other of ['gold', 'all', 'bob']) {
      expect(refusal(() => resolveLayerChoice(amira, other))).toBe('export_own_layer_only 403');
    }
  });
});
