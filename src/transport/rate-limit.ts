/**
 * Requests per second per caller, as token buckets: a caller may send `burst` requests at
 * once, then `perSecond` on average. Buckets of callers gone quiet are forgotten. HTTP
 * counts through @fastify/rate-limit with these buckets as its store (bucketStore);
 * graphql-ws operations, which are no Fastify requests, take from the same buckets directly.
 */
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until one more request is allowed. */
  retryAfterSeconds: number;
  /** Whole requests the caller may still send at once. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  fullInMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_BUCKETS = 100_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get enabled(): boolean {
    return this.perSecond > 0;
  }

  /** Requests a full bucket holds. */
  get capacity(): number {
    return Math.max(this.burst, 1);
  }

  take(key: string): RateDecision {
    if (!this.enabled) return { allowed: true, retryAfterSeconds: 0, remaining: this.capacity, fullInMs: 0 };
    const now = this.clock();
    const capacity = this.capacity;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    // Re-inserted so that the map's order is least recently seen first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.forgetOldest();
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      retryAfterSeconds: allowed ? 0 : Math.ceil((1 - bucket.tokens) / this.perSecond),
      remaining: Math.floor(bucket.tokens),
      fullInMs: ((capacity - bucket.tokens) / this.perSecond) * 1000,
    };
  }

  private forgetOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}

/**
 * The buckets as @fastify/rate-limit's store, for a plugin registered with max = capacity.
 * The plugin's own stores count fixed windows, which let a caller send twice its burst
 * across a window's edge and then make it wait out the whole window. The plugin reads
 * `current > max` as refused and `ttl` as the milliseconds to wait (Retry-After) or, when
 * allowed, until the limit is whole again (X-RateLimit-Reset).
 */
export function bucketStore(limiter: RateLimiter): FastifyRateLimitStoreCtor {
  return class BucketStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      const decision = limiter.take(key);
      const current = decision.allowed ? limiter.capacity - decision.remaining : limiter.capacity + 1;
      callback(null, { current, ttl: decision.allowed ? decision.fullInMs : decision.retryAfterSeconds * 1000 });
    }

    // Every route counts against the same buckets.
    child(): BucketStore {
      return this;
    }
  };
}
