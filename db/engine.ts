import 'server-only';
import type { Engine } from './database';

/** PostgreSQL when DATABASE_URL is a postgres:// address; otherwise the embedded SQLite file (the default). */
export function configuredEngine(): Engine {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'sqlite';
}
