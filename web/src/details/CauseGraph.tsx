/** The tree of causes and effects around an event, drawn as a graph; each node opens its event. */
import { Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { TimelineEventFragment } from '../api/__generated__/graphql';
import { statusOf, STATUS_COLOR } from '../timeline/status';
import { formatTime } from '../timeline/time-scale';
import { layoutCauseGraph, MAX_ROWS, type TreeNode } from './cause-graph-layout';
import { titleOf } from '../data/event-title';

const ROW = 34;
const INDENT = 18;
const MAX_INDENT_DEPTH = 10;

interface Props {
  ancestors: readonly TimelineEventFragment[];
  tree: TreeNode | null;
  onOpen: (id: string) => void;
}

export function CauseGraph({ ancestors, tree, onOpen }: Props) {
  const rows = layoutCauseGraph(ancestors, tree);
  const left = (depth: number) => Math.min(depth, MAX_INDENT_DEPTH) * INDENT;
  if (rows.length <= 1) {
    return (
      <Text size="xs" c="dimmed">
        Nothing caused this event and it caused nothing (no parent, no children).
      </Text>
    );
  }
  return (
    <div
      className="cause-graph"
      style={{ height: rows.length * ROW }}
      data-testid="cause-graph"
      role="tree"
      aria-label="Causes and effects"
    >
      <svg className="cause-graph-edges" width="100%" height={rows.length * ROW} aria-hidden>
        {rows.map((row, i) => {
          if (row.parentRow === null) return null;
          const parent = rows[row.parentRow]!;
          const x = left(parent.depth) + 7;
          const y1 = row.parentRow * ROW + ROW / 2 + 6;
          const y2 = i * ROW + ROW / 2;
          return <path key={i} d={`M${x},${y1} V${y2 - 4} Q${x},${y2} ${x + 4},${y2} H${left(row.depth)}`} />;
        })}
      </svg>
      {rows.map((row, i) => {
        const color = STATUS_COLOR[statusOf(row.event.tags)];
        return (
          <Tooltip
            key={`${row.event.id}-${i}`}
            label={`${formatTime(row.event.startTime)} · ${row.event.id}`}
            openDelay={400}
          >
            <UnstyledButton
              role="treeitem"
              aria-level={row.depth + 1}
              aria-current={row.current || undefined}
              className="cause-node"
              data-current={row.current || undefined}
              data-event-id={row.event.id}
              style={{ top: i * ROW + 3, left: left(row.depth) }}
              onClick={() => onOpen(row.event.id)}
            >
              <span className="cause-dot" style={{ background: color.fill, borderColor: color.stroke }} />
              <span className="cause-text">
                <span className="cause-title">{titleOf(row.event)}</span>
                <span className="cause-id">{row.event.id}</span>
              </span>
              {row.truncated && <span className="cause-more">more ▸</span>}
            </UnstyledButton>
          </Tooltip>
        );
      })}
      {rows.length >= MAX_ROWS && (
        <Text size="xs" c="dimmed" style={{ position: 'absolute', top: rows.length * ROW }}>
          More events below: the tree page shows them all.
        </Text>
      )}
    </div>
  );
}
