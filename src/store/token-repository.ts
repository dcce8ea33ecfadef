/**
 * API tokens in the `tokens` collection, keyed by name (so a name is unique everywhere,
 * atomically, on any store), with the public token id indexed for look-ups.
 */
import type { Collection, Db } from 'mongodb';
import { ConflictError } from '../domain/errors';
import type { Scope } from '../domain/access';
import type { TokenStore } from '../domain/token-service';
import type { TokenRecord } from '../domain/tokens';
import { emptyMap, type TagMap } from '../domain/event';
import { guard, isDuplicateKey } from './store-errors';

interface TokenDocument {
  _id: string;
  tokenId: string;
  hash: string;
  scopes: Scope[];
  namespace: Array<{ key: string; values: string[] }> | null;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
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
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}

function fromDocument(doc: TokenDocument): TokenRecord {
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
    lastUsedAt: doc.lastUsedAt ?? null,
    revokedAt: doc.revokedAt ?? null,
  };
}

export class MongoTokenRepository implements TokenStore {
  private readonly tokens: Collection<TokenDocument>;

  constructor(db: Db) {
    this.tokens = db.collection<TokenDocument>('tokens');
  }

  async ensureIndexes(): Promise<void> {
    await this.tokens.createIndexes([{ key: { tokenId: 1 }, name: 'token_id' }]);
  }

  insert(token: TokenRecord): Promise<void> {
    return guard(async () => {
      try {
        await this.tokens.insertOne(toDocument(token));
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError(`a token named "${token.name}" exists already`, 'name');
        throw error;
      }
    });
  }

  findById(id: string): Promise<TokenRecord | null> {
    return guard(async () => {
      const doc = await this.tokens.findOne({ tokenId: id });
      return doc && fromDocument(doc);
    });
  }

  findByName(name: string): Promise<TokenRecord | null> {
    return guard(async () => {
      const doc = await this.tokens.findOne({ _id: name });
      return doc && fromDocument(doc);
    });
  }

  list(): Promise<TokenRecord[]> {
    return guard(async () => (await this.tokens.find().sort({ createdAt: 1 }).toArray()).map(fromDocument));
  }

  revoke(name: string, at: Date): Promise<boolean> {
    return guard(async () => {
      const result = await this.tokens.updateOne({ _id: name, revokedAt: null }, { $set: { revokedAt: at } });
      return result.modifiedCount === 1;
    });
  }

  touch(id: string, at: Date): Promise<void> {
    return guard(async () => {
      await this.tokens.updateOne({ tokenId: id }, { $set: { lastUsedAt: at } });
    });
  }

  countActive(): Promise<number> {
    return guard(() => this.tokens.countDocuments({ revokedAt: null }));
  }
}
