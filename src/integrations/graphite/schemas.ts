/** JSON schemas of the Graphite (and Grafana) routes, for their OpenAPI description. */
import { BARE_TAG_KEY } from './tags';

export const FLAT_TAGS = {
  type: 'array',
  items: { type: 'string' },
  description: `Flat tags: an ETS tag key:value, or a bare word for a value of the key "${BARE_TAG_KEY}".`,
} as const;

export const GRAPHITE_TAGS_QUERY = {
  type: 'string',
  description:
    `Flat tags separated by spaces: key:value (or key=value) for that ETS tag, a bare word for a value of ` +
    `the key "${BARE_TAG_KEY}".`,
} as const;

export const GRAPHITE_EVENT = {
  type: 'object',
  required: ['when', 'what', 'data', 'tags', 'id', 'etsId'],
  properties: {
    when: { type: 'integer', description: 'Start time, epoch seconds.' },
    what: { type: 'string', description: "The description's first line." },
    data: { type: 'string', description: 'The rest of the description.' },
    tags: FLAT_TAGS,
    id: { type: 'integer', description: "A number derived from the ETS id (Graphite's ids are numbers)." },
    etsId: { type: 'string', description: "The event's ETS id." },
  },
} as const;

export const ERROR = {
  description: 'The request was refused: the message names the field and the rule.',
  type: 'object',
  required: ['message', 'code'],
  properties: {
    message: { type: 'string' },
    code: { type: 'string' },
    field: { type: 'string' },
  },
} as const;
