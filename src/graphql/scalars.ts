/**
 * DateTime, TagMap and URLMap. Parsing delegates to the domain's readers, so GraphQL and
 * REST accept and reject exactly the same input.
 */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { TagMap, UrlMap } from '../domain/event';
import { formatEventTime, parseEventTime } from '../domain/time';
import { readTagMap, readUrlMap } from '../domain/validate';

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 UTC with milliseconds on output; ISO 8601, epoch ms or MM/dd/yy:HH:mm:ss on input.',
  serialize: (value) => formatEventTime(value instanceof Date ? value : parseEventTime(value, 'DateTime')),
  parseValue: (value) => parseEventTime(value, 'DateTime'),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseEventTime(ast.value, 'DateTime');
    if (ast.kind === Kind.INT) return parseEventTime(Number(ast.value), 'DateTime');
    return parseEventTime(undefined, 'DateTime');
  },
});

/** A JSON-object scalar whose values a domain reader validates. */
function jsonObjectScalar<T>(name: string, description: string, read: (value: unknown, field: string) => T) {
  return new GraphQLScalarType<T, T>({
    name,
    description,
    serialize: (value) => value as T,
    parseValue: (value) => read(value, name),
    parseLiteral: (ast: ValueNode, variables) => read(GraphQLJSONObject.parseLiteral(ast, variables), name),
  });
}

export const TagMapScalar = jsonObjectScalar<TagMap>('TagMap', 'key → non-empty list of distinct strings', readTagMap);
export const URLMapScalar = jsonObjectScalar<UrlMap>('URLMap', 'name → URL string', readUrlMap);
