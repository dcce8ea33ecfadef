/**
 * JSON request bodies, read one way for GraphQL and REST: bytes that are not UTF-8 are
 * refused naming the field they are in (decoding would silently turn them into U+FFFD),
 * and keys such as "__proto__" are ordinary keys (JSON.parse makes them own properties;
 * the domain keeps maps without prototypes), so whatever one path accepts, the others do.
 */
import { isUtf8 } from 'node:buffer';
import { ValidationError } from '../domain/errors';

const REPLACEMENT = '\uFFFD';

export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError('body', isUtf8(body) ? 'must be JSON' : 'must be UTF-8 encoded JSON');
  }
  if (!isUtf8(body)) {
    throw new ValidationError(
      pathOfReplacement(parsed) ?? 'body',
      'must be valid UTF-8 (the body holds bytes that are not)',
    );
  }
  return parsed;
}

/** The path (a.b[2].c) of the first key or string holding U+FFFD: where the bad bytes were. */
function pathOfReplacement(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes(REPLACEMENT) ? path || 'body' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = pathOfReplacement(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes(REPLACEMENT)) return at;
      const found = pathOfReplacement(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

/** parseJsonBody as a Fastify content-type parser (parseAs: 'buffer'). */
export function jsonBodyParser(
  _request: unknown,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  try {
    done(null, parseJsonBody(body as Buffer));
  } catch (error) {
    done(error as Error, undefined);
  }
}
