/**
 * Server-drawn HTML: the tree around one event (GET /event/{id}/). The front page is the
 * web UI (src/http/web-ui.ts).
 * Everything user-written is escaped; only http(s) links become links.
 */
import escapeHtml from 'escape-html';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ValidationError } from '../domain/errors';
import type { EventRecord } from '../domain/event';
import type { EventTreeNode } from '../domain/event-graph';
import type { EventService } from '../domain/event-service';
import { LIMITS } from '../domain/limits';
import { formatEventTime } from '../domain/time';
import { EVENT_PAGE_SCHEMA } from './schemas';

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.3rem; } a { color: #2456c8; }
  ul.tree, ul.tree ul { list-style: none; padding-left: 1.4rem; border-left: 1px solid #d0d5e0; }
  ul.tree { border: 0; padding: 0; }
  .node { margin: .35rem 0; padding: .4rem .6rem; border-radius: 6px; background: #f5f7fb; }
  .node.current { background: #fff4cc; outline: 2px solid #e0b000; }
  .meta { color: #5b6476; font-size: 12px; }
  .status { display: inline-block; padding: 0 .45rem; border-radius: 9px; font-size: 12px; background: #dde2ec; }
  .status-success { background: #cdeccf; } .status-fail, .status-failed { background: #f6c9c9; }
  .status-pending { background: #f9e3b4; }
  .description { white-space: pre-wrap; margin: .2rem 0; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

function links(event: EventRecord): string {
  return Object.entries(event.detailUrls)
    .map(([name, url]) =>
      /^https?:\/\//i.test(url)
        ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(name)}</a>`
        : `${escapeHtml(name)}: ${escapeHtml(url)}`,
    )
    .join(' · ');
}

function drawNode(node: EventTreeNode, current: string): string {
  const e = node.event;
  const status = e.tags.status?.[0];
  const statusBadge = status
    ? ` <span class="status status-${escapeHtml(status.toLowerCase().replace(/[^a-z0-9-]/g, ''))}">${escapeHtml(status)}</span>`
    : '';
  const times =
    e.startTime.getTime() === e.endTime.getTime()
      ? formatEventTime(e.startTime)
      : `${formatEventTime(e.startTime)} → ${formatEventTime(e.endTime)}`;
  const children = node.children.map((child) => drawNode(child, current)).join('');
  const more = node.truncated ? '<li class="meta">… more events below, not shown</li>' : '';
  const detail = links(e);
  return `<li><div class="node${e.id === current ? ' current' : ''}" id="${escapeHtml(e.id)}">
  <a href="/event/${encodeURIComponent(e.id)}/"><strong>${escapeHtml(e.id)}</strong></a>${statusBadge}
  <div class="description">${escapeHtml(e.description)}</div>
  <div class="meta">${times}${detail ? ` · ${detail}` : ''}</div></div>
  ${children || more ? `<ul>${children}${more}</ul>` : ''}</li>`;
}

function treePage(tree: EventTreeNode, current: EventRecord, trace: EventRecord[]): string {
  const path = trace
    .slice()
    .reverse()
    .map((e) => `<a href="/event/${encodeURIComponent(e.id)}/">${escapeHtml(e.id)}</a>`)
    .join(' → ');
  return page(
    `ETS: ${current.id}`,
    `<h1>What caused <code>${escapeHtml(current.id)}</code>, and what it caused</h1>
<p class="meta">Trace from the root: ${path}. <a href="/api/v1/event/${encodeURIComponent(current.id)}">JSON</a></p>
<ul class="tree">${drawNode(tree, current.id)}</ul>`,
  );
}

function notFound(reply: FastifyReply, id: string) {
  return reply.code(404).type('text/plain; charset=utf-8').send(`No event with the id "${id}".`);
}

export function registerPages(app: FastifyInstance, events: EventService): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  // Also /event/{id}/, the original's address (the server ignores a trailing slash).
  app.get<{ Params: { id: string } }>('/event/:id', { schema: EVENT_PAGE_SCHEMA }, async (request, reply) => {
    let trace: EventRecord[] | null;
    try {
      trace = await events.graph.trace(request.actor, request.params.id);
    } catch (error) {
      if (error instanceof ValidationError) return notFound(reply, request.params.id); // not an id at all
      throw error;
    }
    const current = trace?.[0];
    const root = trace?.at(-1);
    if (!trace || !current || !root) return notFound(reply, request.params.id);
    // Deep enough to reach the event from its root, and as far below it as usual.
    const depth = Math.min(LIMITS.treeDepth, trace.length - 1 + LIMITS.defaultTreeDepth);
    const tree = await events.graph.tree(request.actor, root.id, depth);
    if (!tree) return notFound(reply, request.params.id);
    return reply.type('text/html; charset=utf-8').send(treePage(tree, current, trace));
  });
}
