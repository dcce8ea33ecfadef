import { hashSecret, newTokenSecret, parseToken, readTokenRequest, secretMatches } from '../../src/domain/tokens';
import { ValidationError } from '../../src/domain/errors';

describe('token secrets', () => {
  it('are written as ets_<id>_<secret> and parse back', () => {
    const { id, secret, token } = newTokenSecret();
    expect(token).toMatch(/^ets_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseToken(token)).toEqual({ id, secret });
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newTokenSecret().token));
    expect(tokens.size).toBe(100);
  });

  it('match only their own hash', () => {
    const { secret } = newTokenSecret();
    const hash = hashSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(newTokenSecret().secret, hash)).toBe(false);
    expect(secretMatches(secret, 'abc')).toBe(false);
  });

  it.each([
    '',
    'ets_',
    'Bearer x',
    'ets_0123456789abcdef',
    `ets_0123456789ABCDEF_${'a'.repeat(43)}`,
    `ets_0123456789abcdef_${'a'.repeat(42)}`,
  ])('refuses %j as a token', (text) => {
    expect(parseToken(text)).toBeNull();
  });
});

describe('readTokenRequest', () => {
  it('reads a name, scopes and a namespace', () => {
    expect(
      readTokenRequest({ name: 'jenkins', scopes: ['write', 'write'], namespace: { source: ['jenkins'] } }),
    ).toEqual({
      name: 'jenkins',
      scopes: ['write'],
      namespace: { source: ['jenkins'] },
    });
    expect(readTokenRequest({ name: 'dash.board@ops', scopes: ['read'] }).namespace).toBeNull();
  });

  it.each([
    [{ name: '', scopes: ['read'] }, 'name'],
    [{ name: ' spaced', scopes: ['read'] }, 'name'],
    [{ name: 'x'.repeat(101), scopes: ['read'] }, 'name'],
    [{ name: 'ok', scopes: [] }, 'scopes'],
    [{ name: 'ok', scopes: ['root'] }, 'scopes'],
    [{ name: 'ok', scopes: 'read' }, 'scopes'],
    [{ name: 'ok', scopes: ['write'], namespace: {} }, 'namespace'],
    [{ name: 'ok', scopes: ['write'], namespace: { source: 'jenkins' } }, 'namespace.source'],
  ])('refuses %j, naming %s', (input, field) => {
    let error: unknown;
    try {
      readTokenRequest(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });
});
