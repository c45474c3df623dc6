/**
 * Measures what a decoded socket payload would weigh as JSON without calling JSON.stringify,
 * which recurses and throws RangeError on deeply nested input (an attacker's 10 KB array nested
 * 5,000 deep once ended the process). Walks iteratively and stops as soon as a bound is passed.
 */
export type JsonSize = { ok: true; bytes: number } | { ok: false; reason: 'too_large' | 'too_deep'; bytes: number };

/** No operation nests deeper than a dozen levels; this leaves room and stops abuse early. */
export const MAX_JSON_DEPTH = 32;

export function measureJson(value: unknown, maxBytes: number, maxDepth = MAX_JSON_DEPTH): JsonSize {
  let bytes = 0;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (depth > maxDepth) return { ok: false, reason: 'too_deep', bytes };
    if (v === null || v === undefined) bytes += 4;
    else if (typeof v === 'string') bytes += Buffer.byteLength(v) + 2;
    else if (typeof v === 'number' || typeof v === 'boolean') bytes += String(v).length;
    else if (Array.isArray(v)) {
      bytes += 2 + Math.max(0, v.length - 1);
      for (const item of v) stack.push({ v: item, depth: depth + 1 });
    } else if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [k, item] of entries) {
        bytes += Buffer.byteLength(k) + 3;
        stack.push({ v: item, depth: depth + 1 });
      }
    } else bytes += 4;
    if (bytes > maxBytes) return { ok: false, reason: 'too_large', bytes };
  }
  return { ok: true, bytes };
}
