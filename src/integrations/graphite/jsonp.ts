/**
 * graphite-web's `jsonp` parameter: the JSON answer wrapped in a call of the named
 * function. A script tag reads it from any page, past CORS, so it is served only to callers
 * that are not another site's page: a browser says where a script request comes from
 * (Sec-Fetch-Site, Referer), and a page of an origin outside ETS_CORS_ORIGINS is refused.
 */
import { ForbiddenError, ValidationError } from '../../domain/errors';
import { isOriginAllowed } from '../../transport/cors';

// A function name, or a dotted path to one (jQuery.cb, window.handlers.events).
const CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const CALLBACK_LENGTH = 200;

export interface ScriptRequest {
  host?: string;
  secFetchSite?: string;
  referer?: string;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The callback's name, checked, and whether this caller may read the answer as a script. */
export function readJsonpCallback(value: string, request: ScriptRequest, corsOrigins: readonly string[]): string {
  if (value.length > CALLBACK_LENGTH || !CALLBACK.test(value)) {
    throw new ValidationError('jsonp', 'must be a JavaScript function name (letters, digits, _ and $, dotted)');
  }
  // Only a page known to be of an allowed origin reads the answer: a browser without Fetch
  // Metadata and a page sending no Referer could be anyone's.
  const sameOrigin = request.secFetchSite === 'same-origin' || request.secFetchSite === 'none';
  const origin = originOf(request.referer);
  const allowed = origin ? isOriginAllowed(origin, request.host, corsOrigins) : sameOrigin;
  if (!allowed) {
    throw new ForbiddenError(
      `jsonp answers are not given to pages of ${origin ?? 'another site'} (ETS_CORS_ORIGINS lists the origins that may read)`,
      'jsonp',
    );
  }
  return value;
}

export function jsonp(callback: string, body: unknown): string {
  return `${callback}(${JSON.stringify(body)})`;
}
