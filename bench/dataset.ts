/** The synthetic data set of the benchmark: realistic tags, time spread and parent chains. */
import type { EventRecord } from '../src/domain/event';

export const SERVICES = Array.from({ length: 50 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
export const TYPES = [
  'deploy',
  'build',
  'commit',
  'config',
  'flag',
  'incident',
  'restart',
  'scale',
  'migration',
  'manual',
];
export const AUTHORS = ['ana@example.com', 'bo@example.com', 'chen@example.com', 'dee@example.com', 'eli@example.com'];
export const STATUSES = ['success', 'success', 'success', 'fail', 'pending'];
export const DAYS = 30;
export const START = Date.UTC(2026, 9, 1);

/** A small, fast, seeded random generator, so every run loads the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Event `n` of `total`, spread evenly over the DAYS from START in the order they happened
 * (as a store receives them), with a little jitter.
 */
export function syntheticEvent(n: number, next: () => number, prefix = 'bench', total = 1): EventRecord {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const start = new Date(START + Math.floor(((n + next()) / total) * DAYS * 86_400_000));
  const type = pick(TYPES);
  const service = pick(SERVICES);
  return {
    id: `${prefix}-${n}`,
    // builds cause deploys cause restarts: a chain of three every few events
    parentId: n % 3 === 0 ? null : `${prefix}-${n - 1}`,
    sourceId: `run-${n}`,
    startTime: start,
    // most work takes minutes; incidents last up to four hours
    endTime: new Date(start.getTime() + Math.floor(next() * (type === 'incident' ? 4 * 3_600_000 : 900_000))),
    description: `${type} of ${service} #${n}`,
    detailUrls: { ci: `https://ci.example.com/run/${n}` },
    tags: {
      source: [pick(['jenkins', 'zeploy', 'shipit', 'chatops'])],
      type: [type],
      service: [service],
      author: [pick(AUTHORS)],
      status: [pick(STATUSES)],
    },
    createdAt: start,
    updatedAt: start,
    revision: 1,
    changedBy: null,
  };
}
