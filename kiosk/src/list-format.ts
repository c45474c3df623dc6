/**
 * A list in the passenger's language: "water, food and a blanket" in English, "ماء وطعام"
 * in Arabic (its own conjunction, no Latin comma), "水、食物和毯子" in Chinese.
 */
export function listIn(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}
