/** An event's status (from its `status` tag) and the colour it is drawn in everywhere. */
import type { TagMap } from '../view/view-state';

export type Status = 'success' | 'fail' | 'pending' | 'other';

const WORDS: Record<string, Status> = {
  success: 'success',
  succeeded: 'success',
  ok: 'success',
  done: 'success',
  passed: 'success',
  fail: 'fail',
  failed: 'fail',
  failure: 'fail',
  error: 'fail',
  broken: 'fail',
  pending: 'pending',
  running: 'pending',
  started: 'pending',
  in_progress: 'pending',
  queued: 'pending',
};

export function statusOf(tags: TagMap): Status {
  const value = tags.status?.[0]?.toLowerCase();
  return (value && WORDS[value]) || 'other';
}

export const STATUS_COLOR: Record<Status, { fill: string; stroke: string }> = {
  success: { fill: '#40c057', stroke: '#2b8a3e' },
  fail: { fill: '#fa5252', stroke: '#c92a2a' },
  pending: { fill: '#fab005', stroke: '#e67700' },
  other: { fill: '#748ffc', stroke: '#4263eb' },
};

/** Mantine colour names for badges. */
export const STATUS_MANTINE: Record<Status, string> = {
  success: 'green',
  fail: 'red',
  pending: 'yellow',
  other: 'indigo',
};
