/** The storage the token use cases need, as an interface (as event-store.ts is for events): store/ implements it on SQLite and on MongoDB. */
import type { TokenRecord } from './tokens';

export interface TokenStore {
  /** Throws ConflictError when the name is taken. */
  insert(token: TokenRecord): Promise<void>;
  findById(id: string): Promise<TokenRecord | null>;
  findByName(name: string): Promise<TokenRecord | null>;
  list(): Promise<TokenRecord[]>;
  /** Marks the token revoked; false when there is no such unrevoked token. */
  revoke(name: string, at: Date): Promise<boolean>;
  touch(id: string, at: Date): Promise<void>;
  countActive(): Promise<number>;
}
