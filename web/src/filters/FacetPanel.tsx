/**
 * The filter lists: every tag key of the matching events, and for an opened key its values
 * with counts under the other filters. A click keeps only that value; ⊘ leaves it out.
 */
import { ActionIcon, Group, ScrollArea, Select, Skeleton, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { memo, useState } from 'react';
import type { EventFilter } from '../api/__generated__/graphql';
import { TagKeysQuery, TagValuesQuery } from '../api/operations';
import { useGraphQLQuery } from '../api/queries';
import { facetFilter } from '../data/event-filter';
import { hasTag, type TagMap } from '../view/view-state';

interface Props {
  /** Counts are asked again when live changes arrive (live/use-live-changes.ts). */
  filter: EventFilter;
  tags: TagMap;
  exclude: TagMap;
  laneKey: string;
  onLaneKey: (key: string) => void;
  onInclude: (key: string, value: string) => void;
  onExclude: (key: string, value: string) => void;
}

const OPEN_AT_START = ['service', 'status', 'type', 'environment'];

export const FacetPanel = memo(function FacetPanel(props: Props) {
  const { filter, laneKey, onLaneKey } = props;
  const keys = useGraphQLQuery(TagKeysQuery, { filter });
  const [open, setOpen] = useState<string[]>(OPEN_AT_START);
  const toggle = (key: string) => setOpen((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key]));
  const keyNames = keys.data?.tagKeys.map((k) => k.key) ?? [];
  // Keys the user filters on stay listed even when no matching event carries them.
  const chosen = [...Object.keys(props.tags), ...Object.keys(props.exclude)].filter((k) => !keyNames.includes(k));
  const rows = [...(keys.data?.tagKeys ?? []), ...chosen.map((key) => ({ key, count: 0 }))];

  return (
    <Stack gap="xs" h="100%">
      <Select
        label="Lanes by"
        size="xs"
        data={[...new Set([laneKey, ...keyNames])]}
        value={laneKey}
        onChange={(value) => value && onLaneKey(value)}
        allowDeselect={false}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt={4}>
        Filter by tag
      </Text>
      {keys.error && (
        <Text size="xs" c="red">
          Tag keys could not be loaded: {keys.error.message}
        </Text>
      )}
      {!keys.data && !keys.error && <Skeleton h={120} />}
      {keys.data && rows.length === 0 && (
        <Text size="xs" c="dimmed">
          No tags in this window.
        </Text>
      )}
      <ScrollArea flex={1} type="auto" offsetScrollbars>
        <Stack gap={2}>
          {rows.map(({ key, count }) => (
            <div key={key} data-testid={`facet-${key}`}>
              <UnstyledButton
                className="facet-key"
                onClick={() => toggle(key)}
                aria-expanded={open.includes(key)}
                aria-label={`${key}: ${count} events`}
              >
                <Text size="sm" fw={600} span>
                  {open.includes(key) ? '▾' : '▸'} {key}
                </Text>
                <Text size="xs" c="dimmed" span>
                  {count}
                </Text>
              </UnstyledButton>
              {open.includes(key) && <FacetValues {...props} tagKey={key} />}
            </div>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
});

function FacetValues({ filter, tags, exclude, onInclude, onExclude, tagKey }: Props & { tagKey: string }) {
  const values = useGraphQLQuery(TagValuesQuery, { key: tagKey, filter: facetFilter(filter, tagKey) });
  if (values.error)
    return (
      <Text size="xs" c="red">
        {values.error.message}
      </Text>
    );
  if (!values.data) return <Skeleton h={40} my={4} />;
  const max = Math.max(1, ...values.data.tagValues.map((v) => v.count));
  const listed = values.data.tagValues.map((v) => v.value);
  const extra = [...(tags[tagKey] ?? []), ...(exclude[tagKey] ?? [])].filter((v) => !listed.includes(v));
  return (
    <Stack gap={0} pl={14} pb={4}>
      {[...values.data.tagValues, ...extra.map((value) => ({ value, count: 0 }))].map(({ value, count }) => {
        const included = hasTag(tags, tagKey, value);
        const excluded = hasTag(exclude, tagKey, value);
        return (
          <Group
            key={value}
            gap={2}
            wrap="nowrap"
            className="facet-value"
            data-active={included || excluded || undefined}
          >
            <UnstyledButton
              className="facet-value-button"
              onClick={() => onInclude(tagKey, value)}
              aria-pressed={included}
              aria-label={`${tagKey}=${value}, ${count} events`}
            >
              <span className="facet-bar" style={{ width: `${(count / max) * 100}%` }} />
              <Text
                size="xs"
                span
                className={excluded ? 'facet-excluded' : undefined}
                fw={included ? 700 : 400}
                truncate
              >
                {included ? '✓ ' : ''}
                {value}
              </Text>
              <Text size="xs" c="dimmed" span>
                {count}
              </Text>
            </UnstyledButton>
            <Tooltip label={excluded ? 'Stop leaving it out' : 'Leave out'} openDelay={300}>
              <ActionIcon
                size="xs"
                variant={excluded ? 'filled' : 'subtle'}
                color={excluded ? 'red' : 'gray'}
                onClick={() => onExclude(tagKey, value)}
                aria-pressed={excluded}
                aria-label={`Exclude ${tagKey}=${value}`}
              >
                ⊘
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
    </Stack>
  );
}
