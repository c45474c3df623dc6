/**
 * A list in the passenger's language: "water, food and a blanket" in English, "ماء وطعام"
 * in Arabic (its own conjunction, no Latin comma), "水、食物和毯子" in Chinese.
 */
export function listIn(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A name, city or flight number set inside a right-to-left sentence: wrapped in first-strong
 * isolate marks (the text form of <bdi>), so "AF1634 إلى Barcelona" keeps its order and the
 * Latin words do not pull the Arabic punctuation around them. Left-to-right languages are left as they are.
 */
export function isolateIn(text: string, language: string): string {
  return RTL.has(language) ? `\u2068${text}\u2069` : text;
}

const RTL = new Set(['ar']);
