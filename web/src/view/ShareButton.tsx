/**
 * Links to this view for the incident channel: as it is ("last 6h" moves with time) or
 * pinned to the exact window on screen, so a link read tomorrow shows what was seen today.
 */
import { Button, CopyButton, Popover, Stack, Text, TextInput } from '@mantine/core';
import { formatViewState, type ViewState } from './view-state';
import type { TimeWindow } from '../timeline/time-scale';

function ShareLink({ label, description, link }: { label: string; description: string; link: string }) {
  return (
    <TextInput
      label={label}
      description={description}
      size="xs"
      readOnly
      value={link}
      onFocus={(e) => e.currentTarget.select()}
      rightSectionWidth={64}
      rightSection={
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant={copied ? 'filled' : 'light'} onClick={copy}>
              {copied ? 'copied' : 'copy'}
            </Button>
          )}
        </CopyButton>
      }
    />
  );
}

export function ShareButton({ view, window }: { view: ViewState; window: TimeWindow }) {
  const base = `${location.origin}${location.pathname}`;
  const pinned = { ...view, range: { from: Math.floor(window.from), to: Math.ceil(window.to) } };
  return (
    <Popover position="bottom-end" shadow="md" width={420} withArrow trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default">
          Share
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <ShareLink
            label="This view"
            description="Opens the same filters and range."
            link={base + formatViewState(view)}
          />
          {'preset' in view.range && (
            <ShareLink
              label="This exact window"
              description={`Pinned: “last ${view.range.preset}” would move on by the time someone opens it.`}
              link={base + formatViewState(pinned)}
            />
          )}
          <Text size="xs" c="dimmed">
            The open event, the lanes and pause travel with the link too.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
