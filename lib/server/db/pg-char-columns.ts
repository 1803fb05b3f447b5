import { ColumnTypeEnum, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18; // PostgreSQL's one-byte "char" (pg_constraint.contype, pg_class.relkind, …)
const TEXT_OID = 25;

// Result row arrays → indexes of their "char" columns; adapter-pg hands the same `rows` array through.
const charColumns = new WeakMap<object, number[]>();

/**
 * The schema engine describes a database by reading catalog columns of type `"char"`, which
 * `@prisma/adapter-pg` 7.10 rejects ("Column type 'char' could not be deserialized"). This pool reports
 * them as text so adapter-pg accepts them, and `withCharColumns` then tells the engine they are chars
 * (it reads them with `as_char`, and PostgreSQL 18 returns NOT NULL constraints there).
 */
export function createCharAwarePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.then(relabelCharFields) : result;
  }) as typeof pool.query;
  pool.on("error", () => {}); // an idle client dropped by the server must not crash the process
  return pool;
}

function relabelCharFields<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as { fields?: { dataTypeID: number }[]; rows?: unknown[] };
  const indexes: number[] = [];
  fields?.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    indexes.push(index);
  });
  if (indexes.length > 0 && rows) charColumns.set(rows, indexes);
  return result;
}

/** Restores the `Character` column type on results that came through a char-aware pool. */
export function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}
