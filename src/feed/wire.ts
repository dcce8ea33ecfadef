/** A change as text between instances: JSON with ISO times, checked when read back. */
import type { EventChange } from '../domain/changes';
import { fromDocument, toDocument } from '../store/mongodb/event-document';

export function serializeChange(change: EventChange): string {
  // The stored shape keeps user keys out of field names; its index is not needed here.
  const { tagIndex: _, ...event } = toDocument(change.event);
  return JSON.stringify({ kind: change.kind, event });
}

const TIME_FIELDS = ['startTime', 'endTime', 'createdAt', 'updatedAt'] as const;
const KINDS = new Set(['CREATED', 'UPDATED', 'DELETED']);

export function parseChange(text: string): EventChange {
  const parsed = JSON.parse(text) as { kind?: unknown; event?: Record<string, unknown> };
  if (!KINDS.has(parsed.kind as string) || typeof parsed.event !== 'object' || parsed.event === null) {
    throw new Error('not a change');
  }
  const doc = { ...parsed.event };
  for (const field of TIME_FIELDS) {
    const time = new Date(doc[field] as string);
    if (Number.isNaN(time.getTime())) throw new Error(`not a change: ${field} is not a time`);
    doc[field] = time;
  }
  return { kind: parsed.kind as EventChange['kind'], event: fromDocument(doc) };
}
