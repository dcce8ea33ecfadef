/** The package's entry for bots: `import { EtsClient } from 'ets-client'`. */
export { EtsClient } from './ets-client';
export type {
  BatchResult,
  EtsClientOptions,
  EventChange,
  EventData,
  EventFilter,
  EventInput,
  EventTree,
  Scope,
  Token,
  Viewer,
} from './ets-client';
// The transport under the client, for other typed documents (and, as 'ets-client/transport', the browser).
export { EtsError, GraphQLTransport, postOperation } from './transport';
export type {
  GraphQLAnswer,
  GraphQLBody,
  GraphQLErrorBody,
  LiveSink,
  Operation,
  PostOptions,
  TransportOptions,
  TypedDocument,
} from './transport';
