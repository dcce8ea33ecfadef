/** The filters in force, as chips that remove themselves, and a button clearing them all. */
import { Badge, Button, CloseButton, Group, Text } from '@mantine/core';
import type { TagMap } from '../view/view-state';

interface Props {
  tags: TagMap;
  exclude: TagMap;
  search: string;
  onRemoveTag: (key: string, value: string) => void;
  onRemoveExclude: (key: string, value: string) => void;
  onClearSearch: () => void;
  onClearAll: () => void;
  summary: string;
}

function Chip({
  label,
  color,
  removeLabel,
  onRemove,
  strike,
}: {
  label: string;
  color: string;
  removeLabel: string;
  onRemove: () => void;
  strike?: boolean;
}) {
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      size="md"
      radius="sm"
      className={strike ? 'chip-exclude' : undefined}
      rightSection={<CloseButton size={14} iconSize={10} aria-label={removeLabel} onClick={onRemove} />}
    >
      {label}
    </Badge>
  );
}

export function ActiveFilters({
  tags,
  exclude,
  search,
  onRemoveTag,
  onRemoveExclude,
  onClearSearch,
  onClearAll,
  summary,
}: Props) {
  const chips = [
    ...Object.entries(tags).flatMap(([key, values]) =>
      values.map((value) => (
        <Chip
          key={`+${key}=${value}`}
          label={`${key} = ${value}`}
          color="indigo"
          removeLabel={`Remove filter ${key}=${value}`}
          onRemove={() => onRemoveTag(key, value)}
        />
      )),
    ),
    ...Object.entries(exclude).flatMap(([key, values]) =>
      values.map((value) => (
        <Chip
          key={`-${key}=${value}`}
          label={`${key} ≠ ${value}`}
          color="red"
          strike
          removeLabel={`Remove exclusion ${key}=${value}`}
          onRemove={() => onRemoveExclude(key, value)}
        />
      )),
    ),
    ...(search
      ? [
          <Chip
            key="search"
            label={`“${search}”`}
            color="gray"
            removeLabel="Clear the search"
            onRemove={onClearSearch}
          />,
        ]
      : []),
  ];
  return (
    <Group gap={6} className="active-filters" wrap="wrap" data-testid="active-filters">
      <Text size="xs" c="dimmed" fw={500}>
        {summary}
      </Text>
      {chips}
      {chips.length > 1 && (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onClearAll}>
          Clear all
        </Button>
      )}
    </Group>
  );
}
