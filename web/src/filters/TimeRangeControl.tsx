/** Time range presets (last 1h … 7d) and a custom from/to, both in UTC. */
import { Button, Group, Popover, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { RANGE_PRESETS, resolveRange, type RangePreset, type TimeRange } from '../view/view-state';
import { formatTime } from '../timeline/time-scale';

interface Props {
  range: TimeRange;
  onChange: (range: TimeRange) => void;
}

/** Accepts "2026-11-27 10:00", ISO 8601 with or without Z; no offset means UTC. */
function parseUtc(text: string): number {
  const trimmed = text.trim().replace(' ', 'T');
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(trimmed) ? trimmed : `${trimmed}Z`);
}

const short = (time: number) => formatTime(time).slice(0, 16);

export function TimeRangeControl({ range, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const custom = !('preset' in range);
  const fromTime = parseUtc(from);
  const toTime = parseUtc(to);
  const valid = Number.isFinite(fromTime) && Number.isFinite(toTime) && fromTime < toTime;

  const openCustom = () => {
    const window = resolveRange(range, Date.now());
    setFrom(short(window.from));
    setTo(short(window.to));
    setOpen(true);
  };

  return (
    <Group gap={6} wrap="nowrap">
      <SegmentedControl
        size="xs"
        aria-label="Time range"
        value={custom ? '' : range.preset}
        onChange={(value) => onChange({ preset: value as RangePreset })}
        data={Object.keys(RANGE_PRESETS).map((preset) => ({ value: preset, label: `Last ${preset}` }))}
      />
      <Popover opened={open} onChange={setOpen} position="bottom" withArrow shadow="md" trapFocus>
        <Popover.Target>
          <Button
            size="xs"
            variant={custom ? 'light' : 'default'}
            onClick={() => (open ? setOpen(false) : openCustom())}
          >
            {custom ? `${short(range.from)} → ${short(range.to).slice(11)} UTC` : 'Custom…'}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!valid) return;
              onChange({ from: fromTime, to: toTime });
              setOpen(false);
            }}
          >
            <Stack gap="xs" w={260}>
              <TextInput
                label="From (UTC)"
                size="xs"
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
                data-autofocus
              />
              <TextInput
                label="To (UTC)"
                size="xs"
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                error={from && to && !valid ? 'Two times, the first before the second' : undefined}
              />
              <Text size="xs" c="dimmed">
                e.g. 2026-11-27 09:30 or any ISO 8601 time.
              </Text>
              <Button size="xs" type="submit" disabled={!valid}>
                Show this window
              </Button>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
