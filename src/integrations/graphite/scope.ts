/**
 * What the Graphite and Grafana routes share at the HTTP edge: bodies of any content type
 * read as JSON (Graphite's own example is `curl -d '{...}'`, sent form-encoded), the REST
 * API's error answers ({message, code, field}), route schemas that document the API
 * (OpenAPI) while the handlers validate, so that each bad input is named as these APIs name
 * it, and domain errors renamed to those names.
 */
import type { FastifyInstance } from 'fastify';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors';
import { jsonBodyParser } from '../../transport/json-body';
import { registerErrorHandler } from '../../rest/errors';

export type Query = Record<string, string | string[] | undefined>;

export function prepareScope(scope: FastifyInstance, bodyLimit: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, jsonBodyParser);
  registerErrorHandler(scope, bodyLimit);
  // The schemas describe; the handlers check (with their own field names and rules) and
  // answer exactly what the vendor's API answers, so neither ajv nor a serializer intervenes.
  scope.setValidatorCompiler(() => () => true);
  scope.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

/** A query parameter as Django and Go read one given twice: the last value. */
export function lastValue(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value.at(-1) : value;
}

/** Every value of a repeated query parameter. */
export function allValues(query: Query, name: string): string[] {
  const value = query[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * A domain error with its field named as this API names it (`event.startTime` → `when`):
 * `names` maps a domain field path, or its start, to this API's name.
 */
export function renamed(error: unknown, names: Record<string, string>): unknown {
  const rename = (field: string) => {
    for (const [domain, name] of Object.entries(names)) {
      if (field === domain || field.startsWith(`${domain}.`) || field.startsWith(`${domain} `)) {
        return name + field.slice(domain.length);
      }
    }
    return field;
  };
  if (error instanceof ValidationError) return new ValidationError(rename(error.field), error.rule);
  if (error instanceof ForbiddenError && error.field) return new ForbiddenError(error.message, rename(error.field));
  if (error instanceof ConflictError && error.field) return new ConflictError(error.message, rename(error.field));
  return error;
}

/** Runs a use case, naming the fields of its errors as this API names them. */
export async function naming<T>(names: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw renamed(error, names);
  }
}
