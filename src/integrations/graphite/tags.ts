/**
 * Graphite's (and Grafana's) flat tags, to and from ETS's tag map. A flat tag `key:value`
 * or `key=value` (the first separator counts; spaces around it are dropped, as Grafana
 * does with Flux's "kind: Kustomization") is that key and value; a bare word is a value
 * of the key `tag`. Back: `key:value`, and a value of `tag` alone as the bare word, unless
 * it holds a separator (then `tag:value`), so that the flat list reads back as the same map.
 */
import { ValidationError } from '../../domain/errors';
import { emptyMap, type TagMap } from '../../domain/event';
import { addTagValue, splitPair } from '../../domain/tag-pairs';

/** The ETS tag key that holds Graphite's bare-word tags. */
export const BARE_TAG_KEY = 'tag';

const SEPARATOR = /[:=]/;

/** One flat tag as an ETS key and value; an empty tag has none. */
export function tagPair(tag: string): [key: string, value: string] | undefined {
  const split = splitPair(tag, SEPARATOR);
  if (split) {
    const [key, value] = split.map((text) => text.trim()) as [string, string];
    if (key !== '' && value !== '') return [key, value];
  }
  const word = tag.trim();
  return word === '' ? undefined : [BARE_TAG_KEY, word];
}

/** Flat tags as ETS key/value pairs, in their order; empty tags are none. */
export function toTagPairs(tags: readonly string[]): Array<[key: string, value: string]> {
  return tags.map(tagPair).filter((pair) => pair !== undefined);
}

/** Flat tags as an ETS tag map: values keep their order, a repeated one counts once. */
export function toTagMap(tags: readonly string[]): TagMap {
  const map = emptyMap<string[]>();
  for (const [key, value] of toTagPairs(tags)) addTagValue(map, key, value);
  return map;
}

/** An ETS tag map as flat tags, key by key in its order. */
export function toFlatTags(tags: TagMap): string[] {
  return Object.entries(tags).flatMap(([key, values]) =>
    values.map((value) => (key === BARE_TAG_KEY && !SEPARATOR.test(value) ? value : `${key}:${value}`)),
  );
}

/**
 * Tags as a writer sends them: a list of strings, or one string read as graphite-web's
 * tag field (django-tagging) reads it: split on spaces, or on commas when there is a comma
 * outside double quotes; a double-quoted run is one tag.
 */
export function readFlatTags(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return splitTagString(value);
  if (!Array.isArray(value)) {
    throw new ValidationError(field, 'must be a list of strings or a string of tags separated by spaces');
  }
  return value.map((tag, index) => {
    if (typeof tag !== 'string') throw new ValidationError(`${field}[${index}]`, 'must be a string');
    return tag;
  });
}

/** django-tagging's parse_tag_input, keeping the order given instead of sorting. */
export function splitTagString(input: string): string[] {
  if (!input.includes(',') && !input.includes('"')) return split(input, ' ');
  const quoted: string[] = [];
  const loose: string[] = [];
  let looseComma = false;
  let at = 0;
  while (at < input.length) {
    const open = input.indexOf('"', at);
    const close = open < 0 ? -1 : input.indexOf('"', open + 1);
    // An unclosed quote is dropped; what follows it is loose text.
    const chunk = close < 0 ? input.slice(at).replace('"', '') : input.slice(at, open);
    if (chunk !== '') loose.push(chunk);
    if (chunk.includes(',')) looseComma = true;
    if (close < 0) break;
    const word = input.slice(open + 1, close).trim();
    if (word !== '') quoted.push(word);
    at = close + 1;
  }
  const delimiter = looseComma ? ',' : ' ';
  return [...quoted, ...loose.flatMap((chunk) => split(chunk, delimiter))];
}

function split(text: string, delimiter: string): string[] {
  return text
    .split(delimiter)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
