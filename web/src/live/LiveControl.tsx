/** Live or paused, with the changes waiting while paused. */
import { Button, Tooltip } from '@mantine/core';
import type { LiveStatus } from './use-live-changes';

const LABEL: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
};

export function LiveControl({
  status,
  waiting,
  onToggle,
}: {
  status: LiveStatus;
  waiting: number;
  onToggle: () => void;
}) {
  const paused = status === 'paused';
  return (
    <Tooltip
      label={
        paused ? 'Resume: apply waiting changes and follow new ones' : 'Pause: hold new changes back while you look'
      }
    >
      <Button
        size="xs"
        variant={paused ? 'filled' : 'light'}
        color={paused ? 'orange' : status === 'live' ? 'green' : 'gray'}
        onClick={onToggle}
        aria-pressed={paused}
        data-testid="live-control"
        data-status={status}
        leftSection={<span className={`live-dot live-dot-${status}`} />}
      >
        {LABEL[status]}
        {paused && waiting > 0 ? ` · ${waiting} new` : ''}
      </Button>
    </Tooltip>
  );
}
