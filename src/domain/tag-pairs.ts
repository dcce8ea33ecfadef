/**
 * Tags written as flat `key=value` / `key:value` text, as every transport takes them (CLI
 * flags, REST query strings, Graphite's tags): one splitter and one way of adding a value,
 * so that all of them read a pair alike.
 */
import type { TagMap } from './event';

/** `text` split at the first of `separators`; undefined when no key comes before it. */
export function splitPair(text: string, separators: RegExp): [key: string, value: string] | undefined {
  const at = text.search(separators);
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : undefined;
}

/** Adds `value` to the values of `key`, once, keeping their order. */
export function addTagValue(tags: TagMap, key: string, value: string): void {
  const values = (tags[key] ??= []);
  if (!values.includes(value)) values.push(value);
}
