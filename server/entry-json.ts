import type { LogEntry } from '../core/index.ts';

/**
 * Each accepted entry's JSON, made once: the journal line that makes it durable and the push that
 * then takes it to every agent of its gate and every duty manager carry the same text. Entries are
 * never changed after they are made (a purge makes new ones), so the text stays true for the object.
 */
const texts = new WeakMap<LogEntry, string>();

export function entryJson(entry: LogEntry): string {
  let text = texts.get(entry);
  if (text === undefined) texts.set(entry, (text = JSON.stringify(entry)));
  return text;
}
