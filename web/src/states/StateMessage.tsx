/** What the view says instead of a timeline: loading, nothing found, or what went wrong and what to do. */
import { Button, Center, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

function Message({
  icon,
  color,
  title,
  children,
  actions,
}: {
  icon: string;
  color: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Center h="100%" p="xl" data-testid="state-message">
      <Stack align="center" gap="xs" maw={460}>
        <ThemeIcon size={44} radius="xl" variant="light" color={color}>
          <span style={{ fontSize: 22 }}>{icon}</span>
        </ThemeIcon>
        <Text fw={600} size="lg" ta="center">
          {title}
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          {children}
        </Text>
        {actions && <Group mt="xs">{actions}</Group>}
      </Stack>
    </Center>
  );
}

export function LoadingState() {
  return (
    <Center h="100%" data-testid="state-message">
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Loading events…
        </Text>
      </Group>
    </Center>
  );
}

export function ErrorState({
  error,
  onRetry,
  onSetToken,
}: {
  error: ApiError;
  onRetry: () => void;
  onSetToken: () => void;
}) {
  if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') {
    const missing = error.code === 'UNAUTHENTICATED';
    return (
      <Message
        icon="🔒"
        color="orange"
        title={missing ? 'This ETS needs a read token' : 'This token may not read events'}
        actions={<Button onClick={onSetToken}>{missing ? 'Set a token' : 'Use another token'}</Button>}
      >
        {missing
          ? 'Reads are not open on this server. Ask its admins for a token with the read scope (ets token create --scope read) and paste it in the settings.'
          : `The server said: ${error.message}. A token with the read scope is enough.`}
      </Message>
    );
  }
  return (
    <Message
      icon="⚠"
      color="red"
      title={error.code === 'NETWORK' ? 'ETS cannot be reached' : 'The events could not be loaded'}
      actions={
        <Button variant="light" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {error.message}
      {error.code === 'NETWORK' ? '. Check that the service is running and this page’s address is right.' : ''}
    </Message>
  );
}

export function EmptyState({
  window,
  filtered,
  onWiden,
  onClearFilters,
}: {
  window: string;
  filtered: boolean;
  onWiden?: () => void;
  onClearFilters: () => void;
}) {
  return (
    <Message
      icon="∅"
      color="gray"
      title="No events here"
      actions={
        <>
          {onWiden && (
            <Button variant="light" onClick={onWiden}>
              Look at the last 7 days
            </Button>
          )}
          {filtered && (
            <Button variant="default" onClick={onClearFilters}>
              Clear the filters
            </Button>
          )}
        </>
      }
    >
      Nothing {filtered ? 'matches the filters ' : 'happened '}between {window}. Widen the time range
      {filtered ? ', remove a filter,' : ''} or send an event (ets send, or createEvent in GraphQL) and it shows up here
      live.
    </Message>
  );
}
