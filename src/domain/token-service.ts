/**
 * Token use cases: create, list and revoke (admin only), and turning a presented token
 * into the Actor of a request. Checked tokens are remembered for a few seconds so that a
 * busy bot costs no store read per request; a revocation made on another instance takes
 * effect within that time, one made here at once.
 */
import { requireScope, type Actor } from './access';
import { ConflictError, NotFoundError, UnauthenticatedError } from './errors';
import {
  hashSecret,
  newTokenSecret,
  parseToken,
  readTokenName,
  readTokenRequest,
  secretMatches,
  tokenInfo,
  type TokenInfo,
  type TokenRecord,
} from './tokens';
import type { TokenStore } from './token-store';

export interface CreatedToken {
  /** The whole token, shown this once. */
  secret: string;
  token: TokenInfo;
}

export interface TokenServiceOptions {
  /** How long a checked token, and whether any token exists, is remembered. */
  cacheMs?: number;
  /** lastUsedAt is written at most this often per token. */
  touchEveryMs?: number;
  /** Told when recording a token's last use fails (it is best effort). */
  onTouchError?: (error: unknown) => void;
  now?: () => Date;
}

interface Cached<T> {
  value: T;
  until: number;
}

export class TokenService {
  private readonly checked = new Map<string, Cached<TokenRecord | null>>();
  private readonly touched = new Map<string, number>();
  private anyToken: Cached<boolean> | undefined;
  private readonly revokedListeners = new Set<(name: string) => void>();
  private readonly cacheMs: number;
  private readonly touchEveryMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: TokenStore,
    private readonly options: TokenServiceOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 5_000;
    this.touchEveryMs = options.touchEveryMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** A new token; its secret is in the answer and nowhere else. */
  async create(actor: Actor, input: { name?: unknown; scopes?: unknown; namespace?: unknown }): Promise<CreatedToken> {
    requireScope(actor, 'admin');
    const request = readTokenRequest(input);
    const { id, secret, token } = newTokenSecret();
    const record: TokenRecord = {
      id,
      ...request,
      hash: hashSecret(secret),
      createdAt: this.now(),
      createdBy: actor.token,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.store.insert(record);
    this.anyToken = undefined;
    return { secret: token, token: tokenInfo(record) };
  }

  async list(actor: Actor): Promise<TokenInfo[]> {
    requireScope(actor, 'admin');
    return (await this.store.list()).map(tokenInfo);
  }

  async revoke(actor: Actor, rawName: unknown): Promise<TokenInfo> {
    requireScope(actor, 'admin');
    const name = readTokenName(rawName);
    const existing = await this.store.findByName(name);
    if (!existing) throw new NotFoundError(name, 'token');
    const at = this.now();
    // Only an unrevoked token is revoked: the store's condition also settles a race.
    if (!(await this.store.revoke(name, at))) throw new ConflictError(`token "${name}" is already revoked`, 'name');
    this.checked.delete(existing.id);
    this.anyToken = undefined;
    for (const listener of this.revokedListeners) listener(name);
    return tokenInfo({ ...existing, revokedAt: at });
  }

  /** Tells `listener` the name of each token revoked through this service, at once. */
  onRevoked(listener: (name: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** The actor a presented token stands for; UNAUTHENTICATED when it is not a live token. */
  async authenticate(presented: string): Promise<Actor> {
    const parts = parseToken(presented);
    if (!parts) throw new UnauthenticatedError('the token is malformed: expected ets_<id>_<secret>');
    const record = await this.lookup(parts.id);
    if (!record || !secretMatches(parts.secret, record.hash)) {
      throw new UnauthenticatedError('the token is not valid');
    }
    if (record.revokedAt) throw new UnauthenticatedError(`token "${record.name}" was revoked`);
    this.noteUse(record.id);
    return { token: record.name, scopes: record.scopes, namespace: record.namespace };
  }

  /** Whether any unrevoked token exists: a fresh install runs open until one does. */
  async tokensExist(): Promise<boolean> {
    if (this.anyToken && this.anyToken.until > Date.now()) return this.anyToken.value;
    const value = (await this.store.countActive()) > 0;
    this.anyToken = { value, until: Date.now() + this.cacheMs };
    return value;
  }

  private async lookup(id: string): Promise<TokenRecord | null> {
    const cached = this.checked.get(id);
    if (cached && cached.until > Date.now()) return cached.value;
    const value = await this.store.findById(id);
    // Unknown ids are remembered too, so a flood of made-up tokens costs few reads.
    if (this.checked.size > 10_000) this.checked.clear();
    this.checked.set(id, { value, until: Date.now() + this.cacheMs });
    return value;
  }

  private noteUse(id: string): void {
    const last = this.touched.get(id) ?? 0;
    if (Date.now() - last < this.touchEveryMs) return;
    this.touched.set(id, Date.now());
    this.store.touch(id, this.now()).catch((error: unknown) => this.options.onTouchError?.(error));
  }
}
