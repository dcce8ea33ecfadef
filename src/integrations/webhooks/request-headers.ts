/** Reading the headers of a webhook request as one value each. */
export type Headers = Record<string, string | string[] | undefined>;

/** A header's value (the first, when it came more than once); names are lower case. */
export function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The media type of a Content-Type, lower case, without parameters ("" when none was sent). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True for JSON media types: application/json and any +json. */
export function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}
