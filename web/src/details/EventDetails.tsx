/**
 * One event in full: fields, tags as chips that filter on click, links, the graph of causes
 * and effects, and earlier revisions.
 */
import {
  Anchor,
  Button,
  Badge,
  CloseButton,
  CopyButton,
  Divider,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { EventDetailsQuery } from '../api/operations';
import { useGraphQLQuery } from '../api/queries';
import { statusOf, STATUS_MANTINE } from '../timeline/status';
import { formatDuration, formatTime } from '../timeline/time-scale';
import { CauseGraph } from './CauseGraph';
import { Revisions } from './Revisions';
import { titleOf } from '../data/event-title';

interface Props {
  /** Asked again when a live change touches it (live/use-live-changes.ts). */
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  onAddTag: (key: string, value: string) => void;
  onExcludeTag: (key: string, value: string) => void;
  onShowTime: (window: { from: number; to: number }) => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function FieldName({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed" w={86} truncate title={children}>
      {children}
    </Text>
  );
}

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

export function EventDetails({ id, onClose, onOpen, onAddTag, onExcludeTag, onShowTime }: Props) {
  // Another event's fields never stand in for this one's while it loads.
  const details = useGraphQLQuery(EventDetailsQuery, { id }, { keepPrevious: false });
  const event = details.data?.event;

  const header = (
    <Group justify="space-between" wrap="nowrap" p="sm" className="details-header">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        Event {details.isFetching && <Loader size={10} ml={4} />}
      </Text>
      <CloseButton aria-label="Close the event" onClick={onClose} />
    </Group>
  );
  if (details.error) {
    return (
      <Stack gap={0} h="100%">
        {header}
        <Text p="md" c="red" size="sm">
          Could not load {id}: {details.error.message}
        </Text>
      </Stack>
    );
  }
  if (!details.data) {
    return (
      <Stack gap={0} h="100%">
        {header}
        <Group p="md">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Loading {id}…
          </Text>
        </Group>
      </Stack>
    );
  }
  if (!event) {
    return (
      <Stack gap={0} h="100%">
        {header}
        <Text p="md" size="sm">
          No event with the id <code>{id}</code>: it may have been deleted. Close this panel to go back to the timeline.
        </Text>
      </Stack>
    );
  }
  const start = Date.parse(event.startTime);
  const end = Date.parse(event.endTime);
  const status = statusOf(event.tags);
  const fields: Array<[string, ReactNode]> = [
    ['Start', formatTime(start)],
    ['End', end > start ? `${formatTime(end)} (${formatDuration(end - start)})` : 'a point in time'],
    [
      'Parent',
      event.parentId ? (
        <Anchor size="xs" component="button" onClick={() => onOpen(event.parentId!)}>
          {event.parentId}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    ['Source id', event.sourceId ?? '—'],
    ['Created', formatTime(event.createdAt)],
    ['Updated', formatTime(event.updatedAt)],
    ['Revision', event.revision],
    ['Made by', event.changedBy ?? 'no token'],
  ];

  return (
    <Stack gap={0} h="100%" data-testid="event-details">
      {header}
      <ScrollArea flex={1} type="auto" px="sm" pb="md">
        <Stack gap="md">
          <Stack gap={4}>
            <Group gap={6}>
              <Badge color={STATUS_MANTINE[status]} variant="filled" size="sm">
                {event.tags.status?.join(', ') ?? 'no status'}
              </Badge>
              {event.tags.type && (
                <Badge variant="outline" color="gray" size="sm">
                  {event.tags.type.join(', ')}
                </Badge>
              )}
            </Group>
            <Title order={4} className="details-title">
              {titleOf(event)}
            </Title>
            <Text size="xs" ff="monospace" c="dimmed" className="details-id" data-testid="event-id">
              {event.id}
            </Text>
            <Group gap={2} wrap="wrap" ml={-6}>
              <CopyButton value={event.id}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={copy}>
                    {copied ? 'copied' : 'copy id'}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() => {
                  // The event in the middle, with room on both sides to see what came before and after.
                  const room = Math.max(15 * 60_000, end - start);
                  onShowTime({ from: start - room, to: end + room });
                }}
              >
                show on timeline
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                component="a"
                href={`/event/${encodeURIComponent(event.id)}/`}
                target="_blank"
                rel="noopener"
              >
                tree page ↗
              </Button>
            </Group>
            {event.description.includes('\n') && (
              <Text size="sm" className="details-description">
                {event.description}
              </Text>
            )}
          </Stack>

          <Table withRowBorders={false} verticalSpacing={2} fz="xs" data-testid="event-fields">
            <Table.Tbody>
              {fields.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Td c="dimmed" w={80}>
                    {name}
                  </Table.Td>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>

          <Section title="Tags">
            <Stack gap={4}>
              {Object.entries(event.tags).map(([key, values]) => (
                <Group key={key} gap={4} wrap="wrap">
                  <FieldName>{key}</FieldName>
                  {values.map((value) => (
                    <Tooltip
                      key={value}
                      label={`Click: only ${key}=${value}. Alt-click: leave it out.`}
                      openDelay={500}
                    >
                      <Badge
                        component="button"
                        variant="light"
                        color="gray"
                        tt="none"
                        className="tag-chip"
                        onClick={(e) => (e.altKey ? onExcludeTag(key, value) : onAddTag(key, value))}
                        aria-label={`Filter by ${key}=${value}`}
                      >
                        {value}
                      </Badge>
                    </Tooltip>
                  ))}
                </Group>
              ))}
              {Object.keys(event.tags).length === 0 && (
                <Text size="xs" c="dimmed">
                  No tags.
                </Text>
              )}
            </Stack>
          </Section>

          {Object.keys(event.detailUrls).length > 0 && (
            <Section title="Links">
              <Stack gap={2}>
                {Object.entries(event.detailUrls).map(([name, url]) => (
                  <Group key={name} gap={6} wrap="nowrap">
                    <FieldName>{name}</FieldName>
                    {isWebLink(url) ? (
                      <Anchor size="xs" href={url} target="_blank" rel="noopener noreferrer" truncate>
                        {url}
                      </Anchor>
                    ) : (
                      <Text size="xs" truncate>
                        {url}
                      </Text>
                    )}
                  </Group>
                ))}
              </Stack>
            </Section>
          )}

          <Divider />
          <Section title="Causes and effects">
            <CauseGraph ancestors={event.ancestors} tree={details.data.eventTree} onOpen={onOpen} />
          </Section>
          <Divider />
          <Section title={`Revisions (${event.revision})`}>
            <Revisions event={event} />
          </Section>
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
