/**
 * Who may do what: the scopes of a caller and the tag namespace a token may write in.
 * Pure rules; the HTTP edge works out the caller, the use cases ask these.
 */
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { TagMap } from './event';

export type Scope = 'read' | 'write' | 'admin';
export const SCOPES: readonly Scope[] = ['read', 'write', 'admin'];

/** Each scope grants the ones before it: admin may write, write may read. */
const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

/** The caller of a use case: a token, or anonymous (then `token` is null). */
export interface Actor {
  /** The token's name, recorded on each change it makes; null when anonymous. */
  token: string | null;
  scopes: readonly Scope[];
  /** Tags every event this caller writes must carry (e.g. source=jenkins); null: any event. */
  namespace: TagMap | null;
}

/** How requests without a token are treated (ETS_AUTH). */
export type AuthMode = 'off' | 'writes' | 'all' | 'auto';

/**
 * What a request without a token may do. `auto` is open while the server listens only on
 * loopback and no token exists (a fresh install on a laptop), and asks writes for a token
 * otherwise.
 */
export function anonymousScopes(mode: AuthMode, state: { loopbackOnly: boolean; tokensExist: boolean }): Scope[] {
  switch (mode) {
    case 'off':
      return [...SCOPES];
    case 'writes':
      return ['read'];
    case 'all':
      return [];
    case 'auto':
      return state.loopbackOnly && !state.tokensExist ? [...SCOPES] : ['read'];
  }
}

export function anonymous(scopes: readonly Scope[]): Actor {
  return { token: null, scopes, namespace: null };
}

/** Everything, for code that acts as the service itself (tests, import tools). */
export const SYSTEM: Actor = { token: null, scopes: SCOPES, namespace: null };

/** True when the scopes held grant `scope`. */
export function grants(scopes: readonly Scope[], scope: Scope): boolean {
  return scopes.some((held) => RANK[held] >= RANK[scope]);
}

export function hasScope(actor: Actor, scope: Scope): boolean {
  return grants(actor.scopes, scope);
}

/** Throws UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a token without the scope. */
export function requireScope(actor: Actor, scope: Scope): void {
  if (hasScope(actor, scope)) return;
  if (actor.token === null) {
    throw new UnauthenticatedError(
      `${scope === 'read' ? 'reading' : scope === 'write' ? 'writing' : 'this'} needs a token with the ${scope} scope`,
    );
  }
  throw new ForbiddenError(`token "${actor.token}" does not have the ${scope} scope`);
}

/** True when the tags carry every key/value pair of the namespace. */
export function inNamespace(namespace: TagMap, tags: TagMap): boolean {
  return Object.entries(namespace).every(([key, values]) => values.every((value) => tags[key]?.includes(value)));
}

export function describeNamespace(namespace: TagMap): string {
  return Object.entries(namespace)
    .flatMap(([key, values]) => values.map((value) => `${key}=${value}`))
    .join(', ');
}

/**
 * A token limited to a namespace may only touch events inside it, before and after the
 * change: a CI bot can neither rewrite a human's event nor move its own out.
 */
export function requireNamespace(actor: Actor, tags: TagMap, field: string): void {
  if (actor.namespace === null || inNamespace(actor.namespace, tags)) return;
  throw new ForbiddenError(
    `token "${actor.token ?? ''}" may only write events tagged ${describeNamespace(actor.namespace)}`,
    field,
  );
}
