/** The events in the visible window as rows, newest first: readable, linkable, keyboard-reachable. */
import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { TimelineEventFragment } from '../api/__generated__/graphql';
import { statusOf, STATUS_MANTINE } from './status';
import { formatDuration, formatTime, type TimeWindow } from './time-scale';
import { titleOf } from '../data/event-title';

const MAX_ROWS = 300;

interface Props {
  events: readonly TimelineEventFragment[];
  window: TimeWindow;
  laneKey: string;
  selectedId: string | null;
  hrefOf: (id: string) => string;
  onSelect: (event: TimelineEventFragment) => void;
}

export const EventList = memo(function EventList({ events, window, laneKey, selectedId, hrefOf, onSelect }: Props) {
  const rows = useMemo(
    () =>
      events
        .map((event) => ({ event, start: Date.parse(event.startTime), end: Date.parse(event.endTime) }))
        .filter((r) => r.end >= window.from && r.start < window.to)
        .sort((a, b) => b.start - a.start || (a.event.id < b.event.id ? -1 : 1)),
    [events, window.from, window.to],
  );
  return (
    <ScrollArea h="100%" type="auto" className="event-list" data-testid="event-list">
      <Table layout="fixed" highlightOnHover stickyHeader verticalSpacing={3} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={124}>Start (UTC)</Table.Th>
            <Table.Th w={74}>Duration</Table.Th>
            <Table.Th w={140}>{laneKey}</Table.Th>
            <Table.Th w={96}>Status</Table.Th>
            <Table.Th>Description</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, MAX_ROWS).map(({ event, start, end }) => {
            const status = statusOf(event.tags);
            return (
              <Table.Tr key={event.id} data-selected={event.id === selectedId || undefined} className="event-row">
                <Table.Td ff="monospace">{formatTime(start).slice(5, 19)}</Table.Td>
                <Table.Td c="dimmed">{end > start ? formatDuration(end - start) : '·'}</Table.Td>
                <Table.Td>
                  <Text size="xs" truncate maw={140}>
                    {event.tags[laneKey]?.join(', ') ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" tt="none" color={STATUS_MANTINE[status]}>
                    {event.tags.status?.[0] ?? '—'}
                  </Badge>
                </Table.Td>
                <Table.Td className="event-description">
                  <a
                    className="event-link"
                    href={hrefOf(event.id)}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey) return; // a new tab keeps working
                      e.preventDefault();
                      onSelect(event);
                    }}
                  >
                    {titleOf(event)}
                  </a>
                  <Text span size="xs" c="dimmed" ml={6}>
                    {event.id}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rows.length > MAX_ROWS && (
        <Text size="xs" c="dimmed" p="xs">
          {rows.length - MAX_ROWS} more in this window: zoom in or filter to list them.
        </Text>
      )}
    </ScrollArea>
  );
});
