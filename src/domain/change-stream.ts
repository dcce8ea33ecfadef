/**
 * One subscriber's view of the feed: the changes matching its filter, as an async
 * iterator with a bounded buffer. A subscriber that falls `capacity` changes behind is
 * cut off: its backlog is dropped, it is told at once (`onOverflow`, to disconnect a
 * client too stuck to read), and the next item it reads is the error, after which the
 * stream ends. It never holds more memory nor slows anyone else.
 */
import { queryMatcher, type ChangeFeed, type EventChange } from './changes';
import { DomainError } from './errors';
import type { EventQuery } from './query';

export class SlowSubscriberError extends DomainError {
  readonly code = 'SLOW_SUBSCRIBER';

  constructor(readonly capacity: number) {
    super(`this subscription fell more than ${capacity} changes behind and was closed; subscribe again`);
    this.name = 'SlowSubscriberError';
  }
}

/** The feed lost its connection: changes may have been missed. */
export class FeedInterruptedError extends DomainError {
  readonly code = 'FEED_INTERRUPTED';

  constructor() {
    super('live changes were interrupted and some may have been missed; query again and subscribe again');
    this.name = 'FeedInterruptedError';
  }
}

/** What a stream yields: a change, or, last of all, the error that ended it. */
export type StreamItem = EventChange | SlowSubscriberError | FeedInterruptedError;

export function changeStream(
  feed: ChangeFeed,
  query: EventQuery,
  capacity: number,
  onOverflow: (error: SlowSubscriberError) => void = () => {},
): AsyncIterableIterator<StreamItem> {
  const matches = queryMatcher(query);
  const buffer: StreamItem[] = [];
  let waiting: ((result: IteratorResult<StreamItem>) => void) | undefined;
  let done = false;

  const deliver = (item: StreamItem) => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.({ value: item, done: false });
  };
  /** Ends the stream with an error as its last item (after what is buffered, unless `drop`). */
  const end = (error: SlowSubscriberError | FeedInterruptedError, drop: boolean) => {
    if (drop) buffer.length = 0;
    if (waiting) deliver(error);
    else buffer.push(error);
    finish();
  };

  const unsubscribe = feed.subscribe(
    (change) => {
      if (done || !matches(change.event)) return;
      if (waiting) deliver(change);
      else if (buffer.length < capacity) buffer.push(change);
      else {
        const error = new SlowSubscriberError(capacity);
        end(error, true);
        onOverflow(error);
      }
    },
    () => {
      if (!done) end(new FeedInterruptedError(), false);
    },
  );

  function finish(): void {
    if (done) return;
    done = true;
    unsubscribe();
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
  }

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next(): Promise<IteratorResult<StreamItem>> {
      const item = buffer.shift();
      if (item) return Promise.resolve({ value: item, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return(): Promise<IteratorResult<StreamItem>> {
      buffer.length = 0;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown): Promise<IteratorResult<StreamItem>> {
      buffer.length = 0;
      finish();
      return Promise.reject(error);
    },
  };
}
