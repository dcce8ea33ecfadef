/** A change as text between instances: its kind and the event in the portable encoding, checked when read back. */
import type { EventChange } from '../domain/changes';
import { encodeEvent, readPortableEvent } from '../domain/portable-event';

const KINDS = new Set(['CREATED', 'UPDATED', 'DELETED']);

export function serializeChange(change: EventChange): string {
  return `{"kind":${JSON.stringify(change.kind)},"event":${encodeEvent(change.event)}}`;
}

export function parseChange(text: string): EventChange {
  const parsed = JSON.parse(text) as { kind?: unknown; event?: unknown } | null;
  if (!parsed || !KINDS.has(parsed.kind as string)) {
    throw new Error('not a change');
  }
  return { kind: parsed.kind as EventChange['kind'], event: readPortableEvent(parsed.event, 'fed') };
}
