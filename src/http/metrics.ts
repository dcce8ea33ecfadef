/**
 * The Prometheus metrics of one ETS instance, served at GET /metrics: HTTP requests and
 * GraphQL operations with their latency, store calls, events written, live subscribers and
 * deliveries, limit refusals, the SQLite readers, and the process.
 *
 * Each instance has a registry of its own, never prom-client's global one: tests run
 * several instances in one process, and a program embedding ETS may use the global one. The
 * process's own metrics (CPU, memory, event loop, GC) describe the process, not an instance:
 * they are collected once per process, into a registry every instance serves.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { requireScope } from '../domain/access';
import { DOCUMENTATION_ONLY } from '../transport/route-docs';
import type { ChangeFeed, EventChange } from '../domain/changes';
import { DomainError } from '../domain/errors';
import type { StoreCall } from '../store/observed-store';
import type { GraphQLOutcome } from './request-log';

/** The limits whose refusals are counted, by the variable that sets each. */
export type RefusedLimit = 'ETS_RATE_LIMIT' | 'ETS_MAX_WS_CONNECTIONS' | 'ETS_MAX_SUBSCRIPTIONS';
const REFUSED_LIMITS: readonly RefusedLimit[] = ['ETS_RATE_LIMIT', 'ETS_MAX_WS_CONNECTIONS', 'ETS_MAX_SUBSCRIPTIONS'];

/** What a written event is counted as: the feed's kind, with a restore told apart from a creation. */
const WRITE_KINDS = ['created', 'restored', 'updated', 'deleted'] as const;

/** Label values that no GraphQL name can be (names are letters, digits and _). */
export const UNNAMED = '(unnamed)';
/** An operation that never ran: its document does not parse or validate, or names no operation in it. */
export const INVALID = '(invalid)';
/** Every operation name past the limit. */
export const OTHER = '(other)';
/** A request that matched no route: its raw URL is never a label. */
export const UNMATCHED = '(unmatched)';

/** Distinct operation names kept as label values; the rest count under OTHER. */
export const MAX_OPERATION_NAMES = 100;
const MAX_NAME_LENGTH = 64;
/** Error codes are the server's own, a few dozen at most; bounded all the same. */
const MAX_ERROR_CODES = 50;

/** The SQLite reader processes, as the embedded store reports them. */
export interface ReaderStats {
  /** Reads waiting for a free reader. */
  waiting: number;
  /** Readers stopped at a read's deadline, since the start. */
  killed: number;
}

let processRegistry: Registry | undefined;

/** The process's metrics, collected once: each collection adds a GC observer that is never removed. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The values one label may take: the first `max` seen are kept, any later one reads as
 * OTHER. These values come from callers (operation names), and each new one would be a set
 * of series kept for the life of the process: a client sending random names must not grow
 * the registry, nor the scrape.
 */
class BoundedLabel {
  private readonly kept = new Set<string>();
  private warned = false;

  constructor(
    private readonly max: number,
    private readonly onFull: () => void,
  ) {}

  value(raw: string): string {
    if (this.kept.has(raw)) return raw;
    if (raw.length > MAX_NAME_LENGTH) return OTHER;
    if (this.kept.size < this.max) {
      this.kept.add(raw);
      return raw;
    }
    if (!this.warned) {
      this.warned = true;
      this.onFull();
    }
    return OTHER;
  }
}

const seconds = (ms: number) => ms / 1000;

export class EtsMetrics {
  private readonly registry = new Registry();
  private readonly operationNames: BoundedLabel;
  private readonly errorCodes: BoundedLabel;
  private websockets: () => number = () => 0;
  private subscriptions: () => number = () => 0;
  private readers: (() => ReaderStats) | undefined;

  private readonly httpRequests = new Histogram({
    name: 'ets_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route pattern and status, and the time each took.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly graphqlOperations = new Histogram({
    name: 'ets_graphql_operation_duration_seconds',
    help:
      'GraphQL operations answered over HTTP, by operation name and type and outcome ("ok" or the first error\'s ' +
      `code), and the time each took. At most ${MAX_OPERATION_NAMES} names are kept; later ones count as ${OTHER}.`,
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly storeCalls = new Histogram({
    name: 'ets_store_call_duration_seconds',
    help: 'Calls to the event store, by method, and the time each took (failed ones included).',
    labelNames: ['method'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly storeErrors = new Counter({
    name: 'ets_store_call_errors_total',
    help: "Calls to the event store that failed, by method and error code (INTERNAL: not one of the domain's).",
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });

  private readonly eventsWritten = new Counter({
    name: 'ets_events_written_total',
    help: 'Changes this instance wrote and announced, by kind: created, restored, updated (replace, update, merge), deleted.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly deliveries = new Counter({
    name: 'ets_subscription_deliveries_total',
    help: 'Changes sent to live subscribers (one per subscription that matched).',
    registers: [this.registry],
  });

  private readonly slowSubscribers = new Counter({
    name: 'ets_slow_subscribers_total',
    help: 'Subscriptions ended because their subscriber fell too far behind (SLOW_SUBSCRIBER).',
    registers: [this.registry],
  });

  private readonly refusals = new Counter({
    name: 'ets_limit_refusals_total',
    help: 'Requests and websocket operations refused by a rate or connection limit, by the variable that sets it.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  constructor(options: { onOperationNamesFull?: () => void } = {}) {
    this.operationNames = new BoundedLabel(MAX_OPERATION_NAMES, options.onOperationNamesFull ?? (() => {}));
    this.errorCodes = new BoundedLabel(MAX_ERROR_CODES, () => {});
    // Read at each scrape from the sources watch() sets (collect() runs with the metric as `this`).
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    const readers = () => this.readers?.();
    gauge('ets_websocket_connections', 'Open graphql-ws connections.', () => this.websockets());
    gauge('ets_subscriptions', 'Live eventChanged subscriptions on this instance.', () => this.subscriptions());
    gauge(
      'ets_sqlite_reads_waiting',
      'Reads of the embedded store waiting for a free reader process (0 on MongoDB).',
      () => readers()?.waiting ?? 0,
    );
    let killedSeen = 0;
    new Counter({
      name: 'ets_sqlite_readers_killed_total',
      help: 'Reader processes of the embedded store stopped because a read ran past ETS_STORE_TIMEOUT_MS.',
      registers,
      collect() {
        const killed = readers()?.killed ?? 0;
        this.inc(killed - killedSeen);
        killedSeen = killed;
      },
    });
    // Series that exist from the start, so that a rate over them is 0 rather than absent.
    for (const kind of WRITE_KINDS) this.eventsWritten.inc({ kind }, 0);
    for (const limit of REFUSED_LIMITS) this.refusals.inc({ limit }, 0);
  }

  /** Where the live gauges read from, once the servers that hold them exist. */
  watch(sources: { websockets?: () => number; subscriptions?: () => number; readers?: () => ReaderStats }): void {
    if (sources.websockets) this.websockets = sources.websockets;
    if (sources.subscriptions) this.subscriptions = sources.subscriptions;
    if (sources.readers) this.readers = sources.readers;
  }

  observeRequest(request: { method: string; route: string | undefined; status: number; ms: number }): void {
    const { method, route, status, ms } = request;
    this.httpRequests.observe({ method, route: route ?? UNMATCHED, status: String(status) }, seconds(ms));
  }

  observeOperation(outcome: GraphQLOutcome, ms: number): void {
    const resolved = outcome.resolved;
    this.graphqlOperations.observe(
      {
        operation: resolved ? this.operationNames.value(resolved.name ?? UNNAMED) : INVALID,
        type: resolved?.type ?? INVALID,
        outcome: outcome.code === null ? 'ok' : this.errorCodes.value(outcome.code),
      },
      seconds(ms),
    );
  }

  /** The listener of the observed event store (store/observed-store.ts). */
  readonly observeStoreCall = (call: StoreCall): void => {
    this.storeCalls.observe({ method: call.method }, seconds(call.ms));
    if ('error' in call) {
      const code = call.error instanceof DomainError ? call.error.code : 'INTERNAL';
      this.storeErrors.inc({ method: call.method, code });
    }
  };

  /** The feed, counting each change published through it: the events this instance wrote. */
  countWrites(feed: ChangeFeed): ChangeFeed {
    const count = (change: EventChange) =>
      this.eventsWritten.inc({
        kind: change.kind === 'CREATED' && change.event.revision > 1 ? 'restored' : change.kind.toLowerCase(),
      });
    return {
      publish(change) {
        count(change);
        feed.publish(change);
      },
      subscribe: (listener, interrupted) => feed.subscribe(listener, interrupted),
      close: () => feed.close(),
    };
  }

  delivered(): void {
    this.deliveries.inc();
  }

  droppedSlowSubscriber(): void {
    this.slowSubscribers.inc();
  }

  refused(limit: RefusedLimit): void {
    this.refusals.inc({ limit });
  }

  /** The text a scrape reads: the process's metrics, then this instance's. */
  render(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
}

/** A refusal of the app's error handler: {"errors": [{"message", "extensions": {"code"}}]}. */
const refusal = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: { type: 'object', properties: { errors: { type: 'array', items: { type: 'object' } } } },
    },
  },
});

/**
 * GET /metrics, and the hook that times every request. Scraping reads the service's state,
 * so it needs the read scope as reading events does: open where reads are open, else a
 * token with the read scope (give Prometheus one of its own).
 */
export function registerMetrics(app: FastifyInstance, metrics: EtsMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    metrics.observeRequest({ method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms });
    if (request.graphql) metrics.observeOperation(request.graphql, ms);
  });
  app.get(
    '/metrics',
    {
      // The schema documents the route (OpenAPI); the app's error handler shapes its refusals.
      ...DOCUMENTATION_ONLY,
      schema: {
        operationId: 'getMetrics',
        summary: 'Prometheus metrics of this instance',
        description:
          'The Prometheus text format (version 0.0.4): requests, GraphQL operations, store calls, events ' +
          'written, live subscribers, limit refusals and the process. Needs the read scope.',
        tags: ['operations'],
        response: {
          200: {
            description: 'The metrics, in the Prometheus text format.',
            content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: { type: 'string' } } },
          },
          401: refusal('Reads need a token here (ETS_AUTH=all), and none or an invalid one was sent.'),
          403: refusal('A loopback server refuses a host name that is not a loopback one, without a token.'),
          429: refusal('Over the rate limit (ETS_RATE_LIMIT); see Retry-After.'),
        },
      },
    },
    async (request, reply) => {
      requireScope(request.actor, 'read');
      return reply.type(metrics.contentType).send(await metrics.render());
    },
  );
}
