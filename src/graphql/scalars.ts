/**
 * DateTime, TagMap and URLMap. On input the scalars only check the JSON shape; the
 * domain's readers validate the content, so every rule is enforced (and every error named
 * after the argument field, e.g. "event.startTime") in one place for GraphQL and REST.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ValidationError } from '../domain/errors';
import type { TagMap, UrlMap } from '../domain/event';
import { formatEventTime, TIME_RULE } from '../domain/time';

/** A time as a writer gave it; EventService parses it with parseEventTime. */
export type DateTimeInput = string | number;

/**
 * makeExecutableSchema copies every property of a scalar given as a resolver onto the
 * schema's scalar, its description too, even an undefined one. Without a description of
 * its own, a scalar keeps the one schema.graphql gives it: the one place it is written.
 */
function describedInSchema<TInternal, TExternal>(
  scalar: GraphQLScalarType<TInternal, TExternal>,
): GraphQLScalarType<TInternal, TExternal> {
  delete (scalar as { description?: unknown }).description;
  return scalar;
}

export const DateTimeScalar = describedInSchema(
  new GraphQLScalarType<DateTimeInput, string>({
    name: 'DateTime',
    serialize: (value) => {
      if (!(value instanceof Date)) throw new TypeError('DateTime can only serialize a Date');
      return formatEventTime(value);
    },
    parseValue: (value) => {
      if (typeof value === 'string' || typeof value === 'number') return value;
      throw new ValidationError('DateTime', TIME_RULE);
    },
    parseLiteral: (ast) => {
      if (ast.kind === Kind.STRING) return ast.value;
      if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
      throw new ValidationError('DateTime', TIME_RULE);
    },
  }),
);

function asObject<T>(name: string, parse: () => unknown): T {
  try {
    return parse() as T;
  } catch {
    throw new ValidationError(name, 'must be a JSON object');
  }
}

/** A JSON object on input; its content is validated by the domain. */
function jsonObjectScalar<T>(name: string) {
  return describedInSchema(
    new GraphQLScalarType<T, T>({
      name,
      serialize: (value) => value as T,
      parseValue: (value) => asObject(name, () => GraphQLJSONObject.parseValue(value)),
      parseLiteral: (ast, variables) => asObject(name, () => GraphQLJSONObject.parseLiteral(ast, variables)),
    }),
  );
}

// Values may be null in updateEvent's patches: the domain says where that is allowed.
export const TagMapScalar = jsonObjectScalar<TagMap>('TagMap');
export const URLMapScalar = jsonObjectScalar<UrlMap>('URLMap');
