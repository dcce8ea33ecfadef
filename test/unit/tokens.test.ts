import { hashSecret, newTokenSecret, parseToken, readTokenRequest, secretMatches } from '../../src/domain/tokens';
import { ValidationError } from '../../src/domain/errors';
import { bucketStore, RateLimiter } from '../../src/transport/rate-limit';

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

describe('RateLimiter', () => {
  it('allows a burst, then the steady rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0, fullInMs: 1500 });
    expect(limiter.take('b').allowed).toBe(true); // another caller has its own bucket
    now += 500; // one more request's worth at 2 per second
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now += 10_000; // refills up to the burst, not beyond
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('answers @fastify/rate-limit as its store: over max when refused, ttl the wait', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    const Store = bucketStore(limiter);
    const store = new Store({});
    const incr = () => {
      let answer: { current: number; ttl: number } | undefined;
      store.incr('a', (error, result) => {
        expect(error).toBeNull();
        answer = result;
      });
      return answer;
    };
    // The plugin's max is the capacity (3): remaining = max - current, Reset = ttl.
    expect(incr()).toEqual({ current: 1, ttl: 500 });
    expect(incr()).toEqual({ current: 2, ttl: 1000 });
    expect(incr()).toEqual({ current: 3, ttl: 1500 });
    expect(incr()).toEqual({ current: 4, ttl: 1000 }); // refused: Retry-After 1 s
    now += 500;
    expect(incr()).toEqual({ current: 3, ttl: 1500 });
    expect(store.child({} as never)).toBe(store); // every route counts against the same buckets
  });

  it('does nothing at rate 0', () => {
    const limiter = new RateLimiter(0, 0, () => 0);
    expect(Array.from({ length: 1000 }, () => limiter.take('a').allowed).every(Boolean)).toBe(true);
  });
});
