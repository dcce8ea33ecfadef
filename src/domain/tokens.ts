/**
 * API tokens: what one is, how it is written and checked. The secret is shown once and
 * stored only as a SHA-256 hash; it is 256 random bits, so a slow hash would add nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SCOPES, type Scope } from './access';
import { ValidationError } from './errors';
import type { TagMap } from './event';
import { readTagMap } from './validate';

export interface TokenRecord {
  /** Public part of the token, its key in the store. */
  id: string;
  /** Unique, recorded on every change the token makes. */
  name: string;
  hash: string;
  scopes: Scope[];
  namespace: TagMap | null;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token as it may be shown: everything but the hash. */
export type TokenInfo = Omit<TokenRecord, 'hash'>;

export interface TokenRequest {
  name: string;
  scopes: Scope[];
  namespace: TagMap | null;
}

// "ets_" + 16 hex characters of id + "_" + 43 base64url characters of secret.
const TOKEN_FORMAT = /^ets_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const NAME_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newTokenSecret(): { id: string; secret: string; token: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `ets_${id}_${secret}` };
}

/** The parts of a token as sent by a client, or null when it is not shaped like one. */
export function parseToken(text: string): { id: string; secret: string } | null {
  const match = TOKEN_FORMAT.exec(text);
  return match ? { id: match[1] as string, secret: match[2] as string } : null;
}

export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function readTokenName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || !NAME_FORMAT.test(value)) {
    throw new ValidationError(field, 'must be 1 to 100 letters, digits or . _ @ : - and start with a letter or digit');
  }
  return value;
}

export function readTokenRequest(input: { name?: unknown; scopes?: unknown; namespace?: unknown }): TokenRequest {
  const name = readTokenName(input.name);
  const scopes = input.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    throw new ValidationError('scopes', `must list at least one of ${SCOPES.join(', ')}`);
  }
  for (const scope of scopes) {
    if (!(SCOPES as readonly unknown[]).includes(scope)) {
      throw new ValidationError('scopes', `must each be one of ${SCOPES.join(', ')}, got ${JSON.stringify(scope)}`);
    }
  }
  const namespace = input.namespace == null ? null : readTagMap(input.namespace, 'namespace');
  if (namespace !== null && Object.keys(namespace).length === 0) {
    throw new ValidationError('namespace', 'must name at least one tag, or be left out');
  }
  return { name, scopes: [...new Set(scopes as Scope[])], namespace };
}

export function tokenInfo({ hash: _, ...info }: TokenRecord): TokenInfo {
  return info;
}
