/**
 * Lays out the causes and effects of one event as rows: its ancestors from the root down,
 * the event, then its subtree depth first. Each row knows the row of its parent, for the edges.
 */
import type { TimelineEventFragment, TreeEventFragment } from '../api/__generated__/graphql';

export interface TreeNode extends TreeEventFragment {
  children?: TreeNode[];
}

export interface GraphRow {
  event: TimelineEventFragment;
  depth: number;
  parentRow: number | null;
  truncated: boolean;
  current: boolean;
}

/** Rows past this are left out (the event's tree page shows all). */
export const MAX_ROWS = 200;

export function layoutCauseGraph(ancestors: readonly TimelineEventFragment[], tree: TreeNode | null): GraphRow[] {
  const rows: GraphRow[] = [];
  // ancestors come parent first; the graph starts at the root.
  for (const event of [...ancestors].reverse()) {
    rows.push({
      event,
      depth: rows.length,
      parentRow: rows.length ? rows.length - 1 : null,
      truncated: false,
      current: false,
    });
  }
  if (!tree) return rows;
  const visit = (node: TreeNode, depth: number, parentRow: number | null, current: boolean) => {
    if (rows.length >= MAX_ROWS) return;
    const row = rows.length;
    rows.push({ event: node.event, depth, parentRow, truncated: node.truncated && !node.children?.length, current });
    for (const child of node.children ?? []) visit(child, depth + 1, row, false);
  };
  visit(tree, ancestors.length, ancestors.length ? ancestors.length - 1 : null, true);
  return rows;
}
