// Layer: integrations. Imports: rest, transport, config, domain.
/**
 * Where people already look, each in a Fastify scope of its own: Graphite's events API and
 * Grafana's annotations API (both answer errors as the REST API does), and the webhooks of
 * GitHub, GitLab and CDEvents senders, which check their senders themselves and read raw bodies.
 */
import type { FastifyInstance } from 'fastify';
import type { WebhookSettings } from '../config';
import type { EventService } from '../domain/event-service';
import { registerGrafanaRoutes } from './grafana/routes';
import { registerGraphiteRoutes } from './graphite/routes';
import { registerWebhookRoutes } from './webhooks/routes';

export interface IntegrationDependencies {
  events: EventService;
  /** The longest list answered (ETS_MAX_PAGE_SIZE). */
  pageSize: number;
  bodyLimit: number;
  corsOrigins: readonly string[];
  webhooks: WebhookSettings;
}

export async function registerIntegrations(app: FastifyInstance, deps: IntegrationDependencies): Promise<void> {
  const { events, pageSize, bodyLimit, corsOrigins } = deps;
  await app.register(async (scope) => registerGraphiteRoutes(scope, { events, pageSize, bodyLimit, corsOrigins }));
  await app.register(async (scope) => registerGrafanaRoutes(scope, { events, pageSize, bodyLimit }));
  await app.register(async (scope) => registerWebhookRoutes(scope, { events, settings: deps.webhooks, bodyLimit }));
}
