import { bucketStore, RateLimiter } from '../../src/transport/rate-limit';

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
