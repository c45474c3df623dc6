/**
 * JSON text of a large record produced in slices: the concatenated chunks equal JSON.stringify(value),
 * but no chunk takes more than about `sliceMs` to make, so whoever writes them between turns of the
 * event loop (the checkpoint) never holds commits up for the whole state at once.
 */

import { frozenKeys } from './frozen-map.ts';

/** Maps with fewer keys than this are stringified in one go. */
const SLICED_FROM = 256;

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify writes for a member, or undefined where it leaves the member out. */
function member(key: string, v: unknown): string | undefined {
  const text = JSON.stringify(v) as string | undefined;
  return text === undefined ? undefined : `${JSON.stringify(key)}:${text}`;
}

export function* jsonSlices(value: Record<string, unknown>, sliceMs = 4): Generator<string> {
  let out = '{';
  let since = performance.now();
  let first = true;
  const add = (text: string): void => {
    out += first ? text : `,${text}`;
    first = false;
  };
  for (const [key, v] of Object.entries(value)) {
    // A frozen view's keys are known without asking the Proxy for each one (server/frozen-map.ts).
    const keys = isPlainRecord(v) ? (frozenKeys(v) ?? Object.keys(v)) : null;
    if (!isPlainRecord(v) || !keys || keys.length < SLICED_FROM) {
      const m = member(key, v);
      if (m !== undefined) add(m);
      continue;
    }
    add(`${JSON.stringify(key)}:{`);
    let firstInner = true;
    for (const k of keys) {
      const x = v[k];
      const m = member(k, x);
      if (m === undefined) continue;
      out += firstInner ? m : `,${m}`;
      firstInner = false;
      if (performance.now() - since >= sliceMs) {
        yield out;
        out = '';
        since = performance.now();
      }
    }
    out += '}';
  }
  yield `${out}}`;
}
