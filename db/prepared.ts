import 'server-only';
import type { Conn } from './database';

/**
 * A statement prepared once per connection (drizzle `.prepare()` with placeholders), for the hot
 * paths: building and preparing the SQL on every call cost more than running it. Run it with
 * `await statement(conn).execute({ … })`, which gives the rows on either engine.
 */
export function preparedPerConnection<T>(prepare: (conn: Conn) => T): (conn: Conn) => T {
  const prepared = new WeakMap<Conn, T>();
  return (conn) => {
    let statement = prepared.get(conn);
    if (statement === undefined) {
      statement = prepare(conn);
      prepared.set(conn, statement);
    }
    return statement;
  };
}
