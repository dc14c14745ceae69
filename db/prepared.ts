import { getDb, type Db } from './client';

/**
 * A statement prepared once per database connection (drizzle `.prepare()` with placeholders),
 * for the hot paths: building and preparing the SQL on every call cost more than running it.
 * Running it inside a transaction is fine: better-sqlite3 has one connection, and the
 * transaction is on it.
 */
export function preparedPerConnection<T>(prepare: (db: Db) => T): () => T {
  let preparedFor: Db | null = null;
  let statement: T | null = null;
  return () => {
    const db = getDb();
    if (preparedFor !== db || statement === null) {
      statement = prepare(db);
      preparedFor = db;
    }
    return statement;
  };
}
