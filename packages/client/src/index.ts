/** The package's entry for bots: `import { EtsClient } from 'ets-client'`. */
export { EtsClient, EtsError } from './ets-client';
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
