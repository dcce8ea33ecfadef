import {
  anonymous,
  anonymousScopes,
  hasScope,
  requireNamespace,
  requireScope,
  type Actor,
} from '../../src/domain/access';
import { ForbiddenError, UnauthenticatedError } from '../../src/domain/errors';

const token = (scopes: Actor['scopes'], namespace: Actor['namespace'] = null): Actor => ({
  token: 'ci-bot',
  scopes,
  namespace,
});

describe('anonymousScopes', () => {
  it.each([
    ['auto', true, false, ['read', 'write', 'admin']],
    ['auto', true, true, ['read']],
    ['auto', false, false, ['read']],
    ['writes', true, false, ['read']],
    ['all', true, false, []],
    ['off', false, true, ['read', 'write', 'admin']],
  ] as const)('mode %s, loopback %s, tokens exist %s: %j', (mode, loopbackOnly, tokensExist, expected) => {
    expect(anonymousScopes(mode, { loopbackOnly, tokensExist })).toEqual(expected);
  });
});

describe('scopes', () => {
  it('each scope includes the ones before it', () => {
    expect(hasScope(token(['admin']), 'write')).toBe(true);
    expect(hasScope(token(['admin']), 'read')).toBe(true);
    expect(hasScope(token(['write']), 'read')).toBe(true);
    expect(hasScope(token(['write']), 'admin')).toBe(false);
    expect(hasScope(token(['read']), 'write')).toBe(false);
    expect(hasScope(token([]), 'read')).toBe(false);
  });

  it('asks an anonymous caller to authenticate, and forbids a token without the scope', () => {
    expect(() => requireScope(anonymous(['read']), 'write')).toThrow(UnauthenticatedError);
    expect(() => requireScope(anonymous([]), 'read')).toThrow('reading needs a token with the read scope');
    expect(() => requireScope(token(['read']), 'write')).toThrow(ForbiddenError);
    expect(() => requireScope(token(['read']), 'write')).toThrow('token "ci-bot" does not have the write scope');
    expect(() => requireScope(token(['write']), 'write')).not.toThrow();
  });
});

describe('requireNamespace', () => {
  const jenkins = token(['write'], { source: ['jenkins'] });

  it('lets a token write events carrying every tag of its namespace', () => {
    expect(() =>
      requireNamespace(jenkins, { source: ['jenkins', 'manual'], service: ['web'] }, 'event.tags'),
    ).not.toThrow();
    expect(() => requireNamespace(token(['write']), {}, 'event.tags')).not.toThrow();
  });

  it('refuses an event outside the namespace, naming the field and the namespace', () => {
    let error: unknown;
    try {
      requireNamespace(jenkins, { source: ['human'] }, 'event.tags');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({
      field: 'event.tags',
      message: 'token "ci-bot" may only write events tagged source=jenkins',
    });
    expect(() => requireNamespace(jenkins, {}, 'event.tags')).toThrow(ForbiddenError);
  });

  it('needs every pair of a namespace with several tags', () => {
    const narrow = token(['write'], { source: ['jenkins'], team: ['infra'] });
    expect(() => requireNamespace(narrow, { source: ['jenkins'] }, 'event.tags')).toThrow(ForbiddenError);
    expect(() => requireNamespace(narrow, { source: ['jenkins'], team: ['infra'] }, 'event.tags')).not.toThrow();
  });
});
