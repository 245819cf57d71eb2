import { Postgres } from '../../src/store/postgres';
import { Sqlite } from '../../src/store/sqlite';
import { describeWithPostgres, startPostgres, type TestPostgres } from '../helpers/postgres';

jest.setTimeout(120_000);

/** One column as both engines can describe it: name, type family, nullability, primary-key position. */
interface Column {
  table: string;
  column: string;
  type: 'integer' | 'text' | 'blob';
  notNull: boolean;
  pk: number;
}

const FAMILY: Record<string, Column['type']> = { integer: 'integer', bigint: 'integer', text: 'text', bytea: 'blob', blob: 'blob' };
const family = (t: string): Column['type'] => {
  const f = FAMILY[t.toLowerCase()];
  if (!f) throw new Error(`unmapped column type ${t}`);
  return f;
};

async function sqliteSchema(): Promise<{ columns: Column[]; indexes: string[] }> {
  const db = await Sqlite.open(':memory:');
  try {
    await db.migrate();
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    const columns: Column[] = [];
    for (const { name } of tables) {
      const info = await db.all<{ name: string; type: string; notnull: number; pk: number }>(`PRAGMA table_info(${name})`);
      for (const c of info) columns.push({ table: name, column: c.name, type: family(c.type), notNull: c.notnull === 1 || c.pk > 0, pk: c.pk });
    }
    const indexes = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'");
    return { columns: sort(columns), indexes: indexes.map((i) => i.name).sort() };
  } finally {
    await db.close();
  }
}

async function postgresSchema(url: string): Promise<{ columns: Column[]; indexes: string[] }> {
  const db = await Postgres.open(url);
  try {
    await db.migrate();
    const rows = await db.all<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const keys = await db.all<{ table_name: string; column_name: string; ordinal_position: number }>(
      `SELECT k.table_name, k.column_name, k.ordinal_position FROM information_schema.table_constraints t
       JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
       WHERE t.table_schema = 'public' AND t.constraint_type = 'PRIMARY KEY'`,
    );
    const pk = new Map(keys.map((k) => [`${k.table_name}.${k.column_name}`, k.ordinal_position]));
    const columns = rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      type: family(r.data_type),
      notNull: r.is_nullable === 'NO',
      pk: pk.get(`${r.table_name}.${r.column_name}`) ?? 0,
    }));
    const indexes = await db.all<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'");
    return { columns: sort(columns), indexes: indexes.map((i) => i.indexname).sort() };
  } finally {
    await db.close();
  }
}

const sort = (cs: Column[]) => [...cs].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));

describeWithPostgres('migrations: SQLite and PostgreSQL build the same schema', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(() => cluster?.stop());

  test('the same tables, columns, type families, nullability, primary keys and indexes', async () => {
    const lite = await sqliteSchema();
    const pg = await postgresSchema(await cluster.createDatabase('schema'));
    expect(new Set(lite.columns.map((c) => c.table)).size).toBeGreaterThan(10);
    expect(pg.columns).toEqual(lite.columns);
    expect(pg.indexes).toEqual(lite.indexes);
  });
});
