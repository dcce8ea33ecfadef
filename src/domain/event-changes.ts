/** Live changes: writes announce what the store acknowledged; subscribers read what matches their filter. */
import { requireScope, type Actor } from './access';
import { changeStream, type SlowSubscriberError, type StreamItem } from './change-stream';
import type { ChangeFeed, ChangeKind } from './changes';
import type { EventRecord } from './event';
import { LIMITS } from './limits';
import { readEventQuery, type RawEventFilter } from './query';

export class EventChanges {
  constructor(private readonly feed: ChangeFeed) {}

  /** The changes matching a filter from now on, for one subscriber. */
  subscribe(
    actor: Actor,
    filter: RawEventFilter | null | undefined,
    onOverflow?: (error: SlowSubscriberError) => void,
  ): AsyncIterableIterator<StreamItem> {
    requireScope(actor, 'read');
    return changeStream(this.feed, readEventQuery(filter), LIMITS.subscriberBuffer, onOverflow);
  }

  /** Announces a change the store has acknowledged, and hands the event back. */
  announce(kind: ChangeKind, event: EventRecord): EventRecord {
    this.feed.publish({ kind, event });
    return event;
  }
}
