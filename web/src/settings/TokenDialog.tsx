/** Sets the API token this browser sends (reads may be open; a server can ask for a read token). */
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { readToken, saveToken } from '../api/token';

export function TokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [token, setToken] = useState('');
  useEffect(() => {
    if (opened) setToken(readToken());
  }, [opened]);
  const save = (value: string) => {
    saveToken(value);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Settings" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save(token);
        }}
      >
        <Stack gap="sm">
          <PasswordInput
            label="API token"
            description="Sent as Authorization: Bearer … on every request. A read token is enough; the UI never writes."
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            data-autofocus
          />
          <Text size="xs" c="dimmed">
            Kept in this browser only (localStorage). Leave empty when this ETS lets anyone read.
          </Text>
          <Group justify="space-between">
            <Button variant="subtle" color="red" onClick={() => save('')} disabled={!readToken()}>
              Forget the token
            </Button>
            <Button type="submit">Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
