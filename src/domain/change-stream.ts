/**
 * One subscriber's view of the feed: the changes matching its filter, as an async
 * iterator with a bounded buffer. A subscriber that falls `capacity` changes behind is
 * cut off (the iterator throws SlowSubscriberError) instead of holding memory or slowing
 * anyone else.
 */
import { matchesQuery, type ChangeFeed, type EventChange } from './changes';
import type { EventQuery } from './query';

export class SlowSubscriberError extends Error {
  constructor(readonly capacity: number) {
    super(`this subscription fell more than ${capacity} changes behind and was closed; subscribe again`);
    this.name = 'SlowSubscriberError';
  }
}

export function changeStream(
  feed: ChangeFeed,
  query: EventQuery,
  capacity: number,
  /** Told at once when the subscriber is cut off (it may be too stuck to read the error). */
  onOverflow: (error: SlowSubscriberError) => void = () => {},
): AsyncIterableIterator<EventChange> {
  const buffer: EventChange[] = [];
  let waiting: ((result: IteratorResult<EventChange>) => void) | undefined;
  let failed: SlowSubscriberError | undefined;
  let done = false;

  const unsubscribe = feed.subscribe((change) => {
    if (done || !matchesQuery(change.event, query)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: change, done: false });
    } else if (buffer.length < capacity) {
      buffer.push(change);
    } else {
      failed = new SlowSubscriberError(capacity);
      finish();
      onOverflow(failed);
    }
  });

  function finish(): void {
    if (done) return;
    done = true;
    unsubscribe();
    buffer.length = failed ? 0 : buffer.length;
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
  }

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next(): Promise<IteratorResult<EventChange>> {
      const change = buffer.shift();
      if (change) return Promise.resolve({ value: change, done: false });
      if (failed) return Promise.reject(failed);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return(): Promise<IteratorResult<EventChange>> {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown): Promise<IteratorResult<EventChange>> {
      finish();
      return Promise.reject(error);
    },
  };
}
