/**
 * API tokens in the `tokens` collection, keyed by name (so a name is unique everywhere,
 * atomically, on any store), with the public token id indexed for look-ups. When each was
 * last used is kept apart, in `token_uses`: FerretDB v1 rewrites a whole document on an
 * update, so a use recorded at the moment of a revocation could otherwise undo it.
 */
import type { Collection, Db } from 'mongodb';
import type { Scope } from '../../domain/access';
import type { TokenStore } from '../../domain/token-store';
import type { TokenRecord } from '../../domain/tokens';
import { emptyMap, type TagMap } from '../../domain/event';
import { tokenNameTaken } from '../conflicts';
import { guard, insertedUnlessTaken } from './store-errors';

interface TokenDocument {
  _id: string;
  tokenId: string;
  hash: string;
  scopes: Scope[];
  namespace: Array<{ key: string; values: string[] }> | null;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
}

interface TokenUseDocument {
  /** the token id */
  _id: string;
  lastUsedAt: Date;
}

function toDocument(token: TokenRecord): TokenDocument {
  return {
    _id: token.name,
    tokenId: token.id,
    hash: token.hash,
    scopes: token.scopes,
    namespace: token.namespace && Object.entries(token.namespace).map(([key, values]) => ({ key, values })),
    createdAt: token.createdAt,
    createdBy: token.createdBy,
    revokedAt: token.revokedAt,
  };
}

function fromDocument(doc: TokenDocument, lastUsedAt: Date | null): TokenRecord {
  let namespace: TagMap | null = null;
  if (doc.namespace) {
    namespace = emptyMap<string[]>();
    for (const { key, values } of doc.namespace) namespace[key] = [...values];
  }
  return {
    id: doc.tokenId,
    name: doc._id,
    hash: doc.hash,
    scopes: doc.scopes,
    namespace,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy ?? null,
    lastUsedAt,
    revokedAt: doc.revokedAt ?? null,
  };
}

export class MongoTokenRepository implements TokenStore {
  private readonly tokens: Collection<TokenDocument>;
  private readonly uses: Collection<TokenUseDocument>;

  constructor(db: Db) {
    this.tokens = db.collection<TokenDocument>('tokens');
    this.uses = db.collection<TokenUseDocument>('token_uses');
  }

  /** The records of these token documents, with when each was last used. */
  private async withUses(docs: TokenDocument[]): Promise<TokenRecord[]> {
    if (docs.length === 0) return [];
    const uses = await this.uses.find({ _id: { $in: docs.map((doc) => doc.tokenId) } }).toArray();
    const lastUsed = new Map(uses.map((use) => [use._id, use.lastUsedAt]));
    return docs.map((doc) => fromDocument(doc, lastUsed.get(doc.tokenId) ?? null));
  }

  async ensureIndexes(): Promise<void> {
    await this.tokens.createIndexes([{ key: { tokenId: 1 }, name: 'token_id' }]);
  }

  insert(token: TokenRecord): Promise<void> {
    return guard(async () => {
      if (!(await insertedUnlessTaken(() => this.tokens.insertOne(toDocument(token)))))
        throw tokenNameTaken(token.name);
    });
  }

  findById(id: string): Promise<TokenRecord | null> {
    return guard(async () => {
      const doc = await this.tokens.findOne({ tokenId: id });
      return doc && (await this.withUses([doc]))[0]!;
    });
  }

  findByName(name: string): Promise<TokenRecord | null> {
    return guard(async () => {
      const doc = await this.tokens.findOne({ _id: name });
      return doc && (await this.withUses([doc]))[0]!;
    });
  }

  list(): Promise<TokenRecord[]> {
    return guard(async () => this.withUses(await this.tokens.find().sort({ createdAt: 1 }).toArray()));
  }

  revoke(name: string, at: Date): Promise<boolean> {
    return guard(async () => {
      const result = await this.tokens.updateOne({ _id: name, revokedAt: null }, { $set: { revokedAt: at } });
      return result.modifiedCount === 1;
    });
  }

  touch(id: string, at: Date): Promise<void> {
    return guard(async () => {
      await this.uses.updateOne({ _id: id }, { $set: { lastUsedAt: at } }, { upsert: true });
    });
  }

  countActive(): Promise<number> {
    return guard(() => this.tokens.countDocuments({ revokedAt: null }));
  }
}
