import type { Positions } from './windowing.ts';

/** Items per block once (re)built; a block is split when it grows past twice this. */
const BLOCK = 64;

interface Block {
  keys: string[];
  heights: number[];
  /** before[j]: the sum of heights[0..j), so an item's place in its block costs no loop. */
  before: number[];
}

function block(keys: string[], heights: number[]): Block {
  const b: Block = { keys, heights, before: [] };
  sumBlock(b, 0);
  return b;
}

function sumBlock(b: Block, from: number): void {
  b.before.length = b.keys.length + 1;
  if (from === 0) b.before[0] = 0;
  for (let j = from; j < b.keys.length; j++) b.before[j + 1] = b.before[j]! + b.heights[j]!;
}

/**
 * The heights of a windowed list's items in list order, kept in blocks of about 64 with their sums, so
 * that where an item starts, or which item is at a given height, is found by binary search, and a change
 * costs work in proportion to what changed (plus a pass over the blocks' sums, about 30 for a queue of
 * 2,000): a push that queues a family mid-list inserts one key, where a flat array of offsets had to be
 * worked out again from there to the end. Keys are unique (request ids).
 *
 * `follow(keys)` brings it to a new key list by walking it beside the last one (a comparison per key, the
 * queue index handing over the same id strings: a few µs for 2,000) and putting in or taking out only the
 * keys that differ. It is a cache of its inputs: whatever list it held before, after `follow(keys)` it
 * answers for `keys` with the heights set so far.
 */
export class ListLayout implements Positions {
  private keys: readonly string[] = [];
  private blocks: Block[] = [];
  private blockOf = new Map<string, Block>();
  /** Every height measured, by key, also of keys not in the list now (a released request comes back with it). */
  private measured = new Map<string, number>();
  /** Per block: its first item's index and the heights before it; worked out again after a change. */
  private firstIndex: number[] = [0];
  private heightsBefore: number[] = [0];
  private stale = false;
  private gapPx = 0;

  constructor(private estimatePx: number) {}

  get count(): number {
    return this.keys.length;
  }

  get gap(): number {
    return this.gapPx;
  }

  /** The list's row gap (CSS): changes nothing kept, since gaps are counted by index. */
  setGap(gap: number): void {
    this.gapPx = gap;
  }

  /** Height assumed for items never measured. */
  setEstimate(px: number): void {
    if (px === this.estimatePx) return;
    this.estimatePx = px;
    this.rebuild(this.keys);
  }

  /** Records a measured height; false when it is the one already kept (within half a pixel), so nothing moved. */
  setHeight(key: string, px: number): boolean {
    if (Math.abs((this.measured.get(key) ?? -1) - px) <= 0.5) return false;
    this.measured.set(key, px);
    const b = this.blockOf.get(key);
    if (b) {
      const j = b.keys.indexOf(key);
      b.heights[j] = px;
      sumBlock(b, j);
      this.stale = true;
    }
    return true;
  }

  follow(keys: readonly string[]): void {
    const prev = this.keys;
    if (keys === prev) return;
    this.keys = keys;
    // Between the common start and the common end, walk both lists: a key of the new list that the old one
    // does not hold is put in, old keys before the next one it does hold are taken out. Two pushes drawn in
    // one render (a family mid-queue, an adult at the end) are two edits, not the whole stretch between them.
    const shorter = Math.min(prev.length, keys.length);
    let i = 0;
    while (i < shorter && prev[i] === keys[i]) i++;
    let end = 0;
    while (end < shorter - i && prev[prev.length - 1 - end] === keys[keys.length - 1 - end]) end++;
    const oldEnd = prev.length - end;
    const newEnd = keys.length - end;
    let j = i;
    // A different list altogether (other gates watched, a snapshot) is built afresh rather than edited key by key.
    let budget = BLOCK + keys.length / 8;
    while (i < oldEnd || j < newEnd) {
      if (prev[i] === keys[j]) {
        i++;
        j++;
      } else if (j < newEnd && !this.blockOf.has(keys[j]!)) {
        const from = j;
        while (j < newEnd && !this.blockOf.has(keys[j]!)) j++;
        this.insert(from, keys.slice(from, j));
        budget -= j - from;
      } else {
        // keys[j] is further on in the old list (or the new one ends here): what comes before it has gone.
        const from = i;
        while (i < oldEnd && (j === newEnd || prev[i] !== keys[j])) i++;
        // Nothing to take out means a key twice in a list, which ids never are: start afresh rather than loop.
        if (i === from) return this.rebuild(keys);
        this.remove(j, i - from);
        budget -= i - from;
      }
      if (budget < 0) return this.rebuild(keys);
    }
    // Removals leave small blocks behind; once there are many, one pass puts the list back in full blocks.
    if (this.blocks.length > 4 + (2 * keys.length) / BLOCK) this.rebuild(keys);
  }

  /** Where item i starts, gaps included; offset(count) is the list's whole height. */
  offset(i: number): number {
    const n = this.keys.length;
    if (n === 0) return 0;
    return this.before(i) + Math.min(i, n - 1) * this.gapPx;
  }

  height(i: number): number {
    const b = this.blockAt(i);
    return this.blocks[b]!.heights[i - this.firstIndex[b]!]!;
  }

  /** The first item whose end (with the gap after it) is below y, or count. */
  firstEndingBelow(y: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.offset(mid + 1) <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The sum of the heights of items 0..i-1. */
  private before(i: number): number {
    if (i >= this.keys.length) {
      this.restate();
      return this.heightsBefore[this.blocks.length]!;
    }
    const b = this.blockAt(i);
    return this.heightsBefore[b]! + this.blocks[b]!.before[i - this.firstIndex[b]!]!;
  }

  /** The block holding item i (0 ≤ i < count). */
  private blockAt(i: number): number {
    this.restate();
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firstIndex[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private restate(): void {
    if (!this.stale) return;
    const n = this.blocks.length;
    this.firstIndex.length = n + 1;
    this.heightsBefore.length = n + 1;
    for (let b = 0; b < n; b++) {
      const blk = this.blocks[b]!;
      this.firstIndex[b + 1] = this.firstIndex[b]! + blk.keys.length;
      this.heightsBefore[b + 1] = this.heightsBefore[b]! + blk.before[blk.keys.length]!;
    }
    this.stale = false;
  }

  private heightOf(key: string): number {
    return this.measured.get(key) ?? this.estimatePx;
  }

  private rebuild(keys: readonly string[]): void {
    this.blocks = [];
    this.blockOf.clear();
    for (let i = 0; i < keys.length; i += BLOCK) this.addBlock(this.blocks.length, keys.slice(i, i + BLOCK));
    this.stale = true;
  }

  private addBlock(at: number, keys: string[]): void {
    const b = block(
      keys,
      keys.map((k) => this.heightOf(k)),
    );
    for (const k of keys) this.blockOf.set(k, b);
    this.blocks.splice(at, 0, b);
  }

  /** Takes out `count` items from index `at` of the list as it was. */
  private remove(at: number, count: number): void {
    let b = this.blockAt(at);
    let j = at - this.firstIndex[b]!;
    while (count > 0) {
      const blk = this.blocks[b]!;
      const taken = Math.min(count, blk.keys.length - j);
      for (const k of blk.keys.splice(j, taken)) this.blockOf.delete(k);
      blk.heights.splice(j, taken);
      count -= taken;
      if (blk.keys.length === 0) this.blocks.splice(b, 1);
      else {
        sumBlock(blk, j);
        b++;
      }
      j = 0;
    }
    this.stale = true;
  }

  /** Puts `keys` in at index `at` (0 ≤ at ≤ count, after any removal). */
  private insert(at: number, keys: string[]): void {
    if (this.blocks.length === 0) {
      for (let i = 0; i < keys.length; i += BLOCK) this.addBlock(this.blocks.length, keys.slice(i, i + BLOCK));
      this.stale = true;
      return;
    }
    this.restate();
    const size = this.firstIndex[this.blocks.length]!;
    const b = at >= size ? this.blocks.length - 1 : this.blockAt(at);
    const blk = this.blocks[b]!;
    const j = at - this.firstIndex[b]!;
    blk.keys.splice(j, 0, ...keys);
    blk.heights.splice(j, 0, ...keys.map((k) => this.heightOf(k)));
    for (const k of keys) this.blockOf.set(k, blk);
    if (blk.keys.length > 2 * BLOCK) {
      // Split into blocks of BLOCK, so one block never grows with a long run of pushes at the same place.
      const all = blk.keys;
      this.blocks.splice(b, 1);
      for (let i = 0, at2 = b; i < all.length; i += BLOCK, at2++) this.addBlock(at2, all.slice(i, i + BLOCK));
    } else sumBlock(blk, j);
    this.stale = true;
  }
}
