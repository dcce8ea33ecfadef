/** Earlier versions of an event, newest first, each saying which fields the next version changed. */
import { Stack, Text, Timeline } from '@mantine/core';
import type { EventDetailsQuery } from '../api/__generated__/graphql';
import { formatTime } from '../timeline/time-scale';

type Details = NonNullable<EventDetailsQuery['event']>;
type Version = Pick<Details, 'parentId' | 'startTime' | 'endTime' | 'description' | 'detailUrls' | 'tags'>;
const FIELDS = ['startTime', 'endTime', 'description', 'tags', 'detailUrls', 'parentId'] as const;

function changedFields(before: Version, after: Version): string[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export function Revisions({ event }: { event: Details }) {
  if (!event.revisions.length)
    return (
      <Text size="xs" c="dimmed">
        Never changed since it was created.
      </Text>
    );
  const versions: Array<Version & { revision: number; updatedAt: string; changedBy?: string | null }> = [
    ...event.revisions,
    event,
  ];
  return (
    <Timeline bulletSize={12} lineWidth={2} active={versions.length - 1}>
      {versions
        .map((version, i) => {
          const previous = versions[i - 1];
          const changed = previous ? changedFields(previous, version) : [];
          return (
            <Timeline.Item
              key={version.revision}
              title={
                <Text size="xs" fw={600}>
                  Revision {version.revision}
                  {i === versions.length - 1 ? ' (current)' : ''}
                </Text>
              }
            >
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {formatTime(version.updatedAt)}
                  {version.changedBy ? ` · by ${version.changedBy}` : ''}
                </Text>
                <Text size="xs">{previous ? `changed ${changed.join(', ') || 'nothing visible'}` : 'created'}</Text>
                {changed.includes('description') && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    “{version.description}”
                  </Text>
                )}
                {changed.includes('tags') && version.tags.status && (
                  <Text size="xs" c="dimmed">
                    status: {version.tags.status.join(', ')}
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          );
        })
        .reverse()}
    </Timeline>
  );
}
