/** API tokens in the embedded store: a row each, keyed by name, with the public id unique. */
import type Database from 'better-sqlite3';
import type { Scope } from '../../domain/access';
import { emptyMap, type TagMap } from '../../domain/event';
import type { TokenStore } from '../../domain/token-store';
import type { TokenRecord } from '../../domain/tokens';
import { tokenNameTaken } from '../conflicts';
import { guardSync } from './sqlite-errors';

interface TokenRow {
  name: string;
  token_id: string;
  hash: string;
  scopes: string;
  namespace: string | null;
  created_ms: number;
  created_by: string | null;
  revoked_ms: number | null;
  last_used_ms: number | null;
}

function fromRow(row: TokenRow): TokenRecord {
  let namespace: TagMap | null = null;
  if (row.namespace !== null) {
    namespace = emptyMap<string[]>();
    for (const [key, values] of JSON.parse(row.namespace) as Array<[string, string[]]>) namespace[key] = values;
  }
  return {
    id: row.token_id,
    name: row.name,
    hash: row.hash,
    scopes: JSON.parse(row.scopes) as Scope[],
    namespace,
    createdAt: new Date(row.created_ms),
    createdBy: row.created_by,
    lastUsedAt: row.last_used_ms === null ? null : new Date(row.last_used_ms),
    revokedAt: row.revoked_ms === null ? null : new Date(row.revoked_ms),
  };
}

const SELECT = 'SELECT t.*, u.last_used_ms FROM tokens t LEFT JOIN token_uses u ON u.token_id = t.token_id';

export class SqliteTokenStore implements TokenStore {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare(
        `INSERT INTO tokens (name, token_id, hash, scopes, namespace, created_ms, created_by, revoked_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      byId: db.prepare(`${SELECT} WHERE t.token_id = ?`),
      byName: db.prepare(`${SELECT} WHERE t.name = ?`),
      list: db.prepare(`${SELECT} ORDER BY t.created_ms, t.rowid`),
      revoke: db.prepare('UPDATE tokens SET revoked_ms = ? WHERE name = ? AND revoked_ms IS NULL'),
      touch: db.prepare(
        'INSERT INTO token_uses (token_id, last_used_ms) VALUES (?, ?) ON CONFLICT (token_id) DO UPDATE SET last_used_ms = excluded.last_used_ms',
      ),
      countActive: db.prepare('SELECT count(*) FROM tokens WHERE revoked_ms IS NULL').pluck(),
    };
  }

  insert(token: TokenRecord): Promise<void> {
    return guardSync(() => {
      const inserted = this.sql.insert.run(
        token.name,
        token.id,
        token.hash,
        JSON.stringify(token.scopes),
        token.namespace && JSON.stringify(Object.entries(token.namespace)),
        token.createdAt.getTime(),
        token.createdBy,
        token.revokedAt?.getTime() ?? null,
      );
      // A taken key writes nothing (ON CONFLICT DO NOTHING), as for events.
      if (inserted.changes === 0) throw tokenNameTaken(token.name);
    });
  }

  findById(id: string): Promise<TokenRecord | null> {
    return guardSync(() => {
      const row = this.sql.byId.get(id) as TokenRow | undefined;
      return row ? fromRow(row) : null;
    });
  }

  findByName(name: string): Promise<TokenRecord | null> {
    return guardSync(() => {
      const row = this.sql.byName.get(name) as TokenRow | undefined;
      return row ? fromRow(row) : null;
    });
  }

  list(): Promise<TokenRecord[]> {
    return guardSync(() => (this.sql.list.all() as TokenRow[]).map(fromRow));
  }

  revoke(name: string, at: Date): Promise<boolean> {
    return guardSync(() => this.sql.revoke.run(at.getTime(), name).changes === 1);
  }

  touch(id: string, at: Date): Promise<void> {
    return guardSync(() => {
      this.sql.touch.run(id, at.getTime());
    });
  }

  countActive(): Promise<number> {
    return guardSync(() => Number(this.sql.countActive.get()));
  }
}
