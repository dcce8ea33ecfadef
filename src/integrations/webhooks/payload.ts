/**
 * Reading a vendor's JSON payload by field: each reader names the payload path it read
 * (`workflow_run.head_sha`) in its error, so a bad delivery is answered with what is wrong
 * and where, and nothing is written.
 */
import { DateTime } from 'luxon';
import { ValidationError } from '../../domain/errors';

// GitLab writes "2016-08-12 15:23:28 UTC" and "2021-04-28 21:50:00 +0200" besides ISO 8601.
const GITLAB_TIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) (UTC|[+-]\d\d:?\d\d)$/;
const HAS_OFFSET = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;
const TIME_RULE = 'must be a time: ISO 8601 with an offset, "2016-08-12 15:23:28 UTC", or epoch seconds';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A time as GitHub, GitLab and CDEvents write them; numbers are epoch seconds (GitHub's push payloads). */
export function parseVendorTime(value: unknown, field: string): Date {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000));
  if (typeof value === 'string') {
    const gitlab = GITLAB_TIME.exec(value);
    const iso = gitlab ? `${gitlab[1]}T${gitlab[2]}${gitlab[3] === 'UTC' ? 'Z' : gitlab[3]}` : value;
    const parsed = DateTime.fromISO(iso, { setZone: true });
    // Without an offset the instant would depend on this server's zone.
    if (parsed.isValid && HAS_OFFSET.test(iso)) return parsed.toJSDate();
  }
  throw new ValidationError(field, TIME_RULE);
}

/** One object of a payload, and the path it sits at. */
export class Payload {
  private constructor(
    private readonly fields: Record<string, unknown>,
    readonly path: string,
  ) {}

  /** The body of a delivery (or the part of it at `path`), which must be a JSON object. */
  static of(body: unknown, path = ''): Payload {
    if (!isObject(body)) throw new ValidationError(path || 'body', 'must be a JSON object');
    return new Payload(body, path);
  }

  /** The path of a field of this object, as errors name it. */
  field(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The raw value; null and absent are both undefined. */
  private value(key: string): unknown {
    const value = Object.hasOwn(this.fields, key) ? this.fields[key] : undefined;
    return value === null ? undefined : value;
  }

  optionalObject(key: string): Payload | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw new ValidationError(this.field(key), 'must be a JSON object');
    return new Payload(value, this.field(key));
  }

  object(key: string): Payload {
    const found = this.optionalObject(key);
    if (!found) throw new ValidationError(this.field(key), 'is required');
    return found;
  }

  /** The objects of a list; absent is empty. */
  objects(key: string): Payload[] {
    const value = this.value(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new ValidationError(this.field(key), 'must be a list');
    return value.map((item, index) => {
      if (!isObject(item)) throw new ValidationError(`${this.field(key)}[${index}]`, 'must be a JSON object');
      return new Payload(item, `${this.field(key)}[${index}]`);
    });
  }

  /** A string; empty counts as absent. */
  optionalString(key: string): string | undefined {
    const value = this.value(key);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new ValidationError(this.field(key), 'must be a string');
    return value;
  }

  string(key: string): string {
    const found = this.optionalString(key);
    if (found === undefined) throw new ValidationError(this.field(key), 'is required');
    return found;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.value(key);
    if (value === undefined || typeof value === 'boolean') return value;
    throw new ValidationError(this.field(key), 'must be true or false');
  }

  /** A vendor's id: a whole number or a non-empty string, as text. */
  optionalId(key: string): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    if (typeof value === 'string' && value !== '') return value;
    throw new ValidationError(this.field(key), 'must be an id (a whole number or a string)');
  }

  id(key: string): string {
    const found = this.optionalId(key);
    if (found === undefined) throw new ValidationError(this.field(key), 'is required');
    return found;
  }

  optionalTime(key: string): Date | undefined {
    const value = this.value(key);
    return value === undefined || value === '' ? undefined : parseVendorTime(value, this.field(key));
  }

  time(key: string): Date {
    const found = this.optionalTime(key);
    if (found === undefined) throw new ValidationError(this.field(key), 'is required');
    return found;
  }
}
