import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { NEVER_READ_COLUMNS } from '../../entities/secrets';
import { requireTable } from './availability';

type TableInfo = {
  name: string;
  table: string;
  select: (alias: string, wanted?: ReadonlySet<string>, mustColumns?: string[]) => string;
  jsonArray: (alias: string, wanted?: ReadonlySet<string>, withKey?: boolean) => { sql: string; columns: string[] };
  hydrate: (row: Record<string, unknown>) => unknown;
  hydrateJson: (values: unknown[], columns: string[]) => unknown;
};
const cache = new WeakMap<object, TableInfo>();

// Columns read only when a query asks for them by name (LiteLLM may store whole prompts there).
export const HEAVY_COLUMNS = new Set(['messages', 'response', 'proxy_server_request', 'metadata']);

/**
 * One INSERT … ON CONFLICT (primary key) DO NOTHING RETURNING the wanted properties' columns (every column
 * without a set), without TypeORM's insert machinery: the new row as an entity, or null when its key was
 * taken. jsonb values are sent as JSON text.
 */
export async function insertReturning<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, values: Partial<T>, wanted?: ReadonlySet<string>): Promise<T | null> {
  const meta = em.connection.getMetadata(entity);
  const t = table(em.connection, entity);
  const given = meta.columns.filter((c) => (values as Record<string, unknown>)[c.propertyName] !== undefined);
  const params = given.map((c) => {
    const v = (values as Record<string, unknown>)[c.propertyName];
    return c.type === 'jsonb' && v !== null ? JSON.stringify(v) : v;
  });
  const placeholders = given.map((c, i) => `$${i + 1}${c.type === 'jsonb' ? '::jsonb' : ''}`);
  const keys = meta.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ');
  const rows: Record<string, unknown>[] = await em.query(
    `INSERT INTO ${t.table} AS x (${given.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT (${keys}) DO NOTHING RETURNING ${t.select('x', wanted)}`,
    params,
  );
  return rows[0] ? t.hydrate(rows[0]) : null;
}

// The test suite reads strictly: a column property read from a row that did not fetch it throws, so a field
// whose declared column needs drifted fails loudly instead of answering undefined.
const STRICT_READS = process.env.LITELLM_GRAPHQL_STRICT_READS === 'true';

function strict(obj: Record<string, unknown>, tableName: string, properties: Set<string>): Record<string, unknown> {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && properties.has(prop) && !(prop in target)) throw new Error(`${tableName}.${prop} was read but the query did not fetch it`);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * Table name, select list and row → entity mapping for one entity, from TypeORM's metadata; FEATURE_UNAVAILABLE
 * when the start-up check found the entity's table missing.
 */
export function table<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>) {
  const key = entity as object;
  let hit = cache.get(key);
  if (!hit) {
    const meta = ds.getMetadata(entity);
    const columns = meta.columns.filter(
      (c, i, all) => all.findIndex((x) => x.databaseName === c.databaseName) === i && !NEVER_READ_COLUMNS.has(`${meta.tableName}.${c.databaseName}`),
    );
    const proto = (meta.target as Function).prototype;
    const propertyOf = new Map(columns.map((c) => [c.databaseName, c.propertyName]));
    const properties = new Set(columns.map((c) => c.propertyName));
    const light = meta.tableName === 'LiteLLM_SpendLogs' ? columns.filter((c) => !HEAVY_COLUMNS.has(c.databaseName)) : columns;
    /**
     * The columns of the properties wanted (and the primary key and mustColumns), heavy ones only when
     * named; without a wanted set, every light column.
     */
    const chosen = (wanted?: ReadonlySet<string>, mustColumns: string[] = [], withKey = true) =>
      wanted ? columns.filter((c) => wanted.has(c.propertyName) || (withKey && c.isPrimary) || mustColumns.includes(c.databaseName)) : light;
    // an instance of the entity class without running its constructor or TypeORM's machinery
    const hydrate = (row: Record<string, unknown>) => {
      const obj = Object.create(proto) as Record<string, unknown>;
      for (const k in row) {
        const prop = propertyOf.get(k);
        if (prop) obj[prop] = row[k];
      }
      return STRICT_READS ? strict(obj, meta.tableName, properties) : obj;
    };
    // timestamp(3) columns come out of json_build_object as naive UTC text; pg-types.ts reads them as UTC too
    const timestamps = new Set(columns.filter((c) => c.type === 'timestamp' || c.type === 'timestamp without time zone').map((c) => c.databaseName));
    hit = {
      name: meta.tableName,
      table: `"${meta.tableName}"`,
      select: (alias, wanted, mustColumns) => chosen(wanted, mustColumns).map((c) => `${alias}."${c.databaseName}"`).join(', '),
      /**
       * The same columns as one json_build_array, for rows nested in JSON built in SQL (read back by
       * hydrateJson); withKey false leaves out a primary key the caller already knows
       */
      jsonArray: (alias, wanted, withKey = true) => {
        const columns = chosen(wanted, [], withKey).map((c) => c.databaseName);
        return { sql: `json_build_array(${columns.map((c) => `${alias}."${c}"`).join(', ')})`, columns };
      },
      hydrate,
      hydrateJson: (values, columns) => {
        const obj = Object.create(proto) as Record<string, unknown>;
        for (let i = 0; i < columns.length; i++) {
          const v = values[i];
          obj[propertyOf.get(columns[i])!] = timestamps.has(columns[i]) && typeof v === 'string' ? new Date(`${v}Z`) : v;
        }
        return STRICT_READS ? strict(obj, meta.tableName, properties) : obj;
      },
    };
    cache.set(key, hit);
  }
  requireTable(ds, hit.name);
  return hit as Omit<TableInfo, 'hydrate' | 'hydrateJson'> & { hydrate: (row: Record<string, unknown>) => T; hydrateJson: (values: unknown[], columns: string[]) => T };
}
