/**
 * A CloudEvent from an HTTP request (CloudEvents 1.0 HTTP binding): binary content mode (the
 * attributes in ce-* headers, the data in the body) or structured mode (the whole event as
 * application/cloudevents+json). Batched mode is refused.
 */
import { ValidationError } from '../../domain/errors';
import { HttpError } from '../../transport/errors';
import { parseJsonBody } from '../../transport/json-body';
import { Payload } from './payload';
import { headerValue as header, isJson, mediaType, type Headers } from './request-headers';

export interface CloudEvent {
  mode: 'binary' | 'structured';
  id: string;
  source: string;
  type: string;
  time: string | undefined;
  /** The event data, parsed as JSON. */
  data: unknown;
  /** Where the data sits, for errors: "data" (or "data_base64") in structured mode, the body itself in binary mode. */
  dataPath: string;
}

function requireSpecVersion(version: string | undefined, field: string): void {
  if (version !== '1.0')
    throw new ValidationError(field, `must be "1.0" (CloudEvents 1.0), got ${JSON.stringify(version)}`);
}

function binary(headers: Headers, body: Buffer): CloudEvent {
  requireSpecVersion(header(headers, 'ce-specversion'), 'ce-specversion');
  const required = (name: string) => {
    const value = header(headers, name);
    if (!value) throw new ValidationError(name, 'is required (a CloudEvents attribute in binary content mode)');
    return value;
  };
  const type = mediaType(header(headers, 'content-type'));
  if (type !== '' && !isJson(type)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `the CloudEvent's data must be JSON (application/json), not ${type}`,
    );
  }
  return {
    mode: 'binary',
    id: required('ce-id'),
    source: required('ce-source'),
    type: required('ce-type'),
    time: header(headers, 'ce-time'),
    data: parseJsonBody(body),
    dataPath: '',
  };
}

function structured(body: Buffer): CloudEvent {
  const parsed = parseJsonBody(body);
  const event = Payload.of(parsed);
  requireSpecVersion(event.optionalString('specversion'), 'specversion');
  const base64 = event.optionalString('data_base64');
  const contentType = mediaType(event.optionalString('datacontenttype'));
  if (contentType !== '' && !isJson(contentType)) {
    throw new ValidationError('datacontenttype', `must be application/json for a CDEvent, got ${contentType}`);
  }
  return {
    mode: 'structured',
    id: event.string('id'),
    source: event.string('source'),
    type: event.string('type'),
    time: event.optionalString('time'),
    data:
      base64 !== undefined ? parseJsonBody(Buffer.from(base64, 'base64')) : (parsed as Record<string, unknown>).data,
    dataPath: base64 !== undefined ? 'data_base64' : 'data',
  };
}

/** The CloudEvent a request carries; every refusal names the header or field at fault. */
export function readCloudEvent(headers: Headers, body: Buffer): CloudEvent {
  const type = mediaType(header(headers, 'content-type'));
  if (type === 'application/cloudevents-batch+json') {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'batched CloudEvents are not accepted: send one event per request, in binary or structured mode',
    );
  }
  if (type === 'application/cloudevents+json') return structured(body);
  if (type.startsWith('application/cloudevents')) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `structured CloudEvents must be JSON (application/cloudevents+json), not ${type}`,
    );
  }
  if (header(headers, 'ce-specversion') !== undefined) return binary(headers, body);
  throw new ValidationError(
    'ce-specversion',
    'is required: send the CDEvent as a CloudEvent, in binary content mode (ce-specversion, ce-id, ce-source, ' +
      'ce-type headers and a JSON body) or structured mode (Content-Type: application/cloudevents+json)',
  );
}
