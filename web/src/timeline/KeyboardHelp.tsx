/** The keyboard and pointer controls, a click (or Enter) away in the header. */
import { ActionIcon, Kbd, Popover, Table } from '@mantine/core';

const SHORTCUTS: Array<[string, string]> = [
  ['/', 'search descriptions'],
  ['← →', 'pan (Shift: half a window)'],
  ['+ −', 'zoom in, out'],
  ['0', 'back to the range'],
  ['N P', 'next, previous event'],
  ['Esc', 'close the event'],
  ['wheel', 'zoom at the pointer (Shift: pan)'],
  ['drag', 'pan'],
];

export function KeyboardHelp() {
  return (
    <Popover position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon variant="default" size="md" aria-label="Keyboard shortcuts">
          ⌨
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Table fz="xs" withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <Table.Tr key={keys}>
                <Table.Td>
                  <Kbd size="xs">{keys}</Kbd>
                </Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={2} c="dimmed">
                Keys act on the timeline when it has the focus (Tab to it).
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
