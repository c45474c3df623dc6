/**
 * The hub's answers to recent operations by op id, forgetting the oldest beyond a limit, oldest
 * meaning first remembered (replacing an answer keeps its place). A Map alone keeps that order, but
 * evicting its first key once per operation costs about 0.1 ms at 100,000 entries: V8 leaves deleted
 * entries as holes at the front of the table, and every new keys() iterator walks them again until
 * the table is rebuilt. So the order is kept beside it, in an array read from a moving head.
 */
export class AnswerWindow<V> {
  private readonly answers = new Map<string, { value: V; at: number }>();
  /** Ids in the order first remembered; `order[i]` has position `base + i`. */
  private order: string[] = [];
  private base = 0;
  private head = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.answers.size;
  }

  get(id: string): V | undefined {
    return this.answers.get(id)?.value;
  }

  /** A new id goes last; a known id keeps its place with the new answer. Never forgets: see trim(). */
  set(id: string, value: V): void {
    const known = this.answers.get(id);
    if (known) {
      known.value = value;
      return;
    }
    this.answers.set(id, { value, at: this.base + this.order.length });
    this.order.push(id);
  }

  delete(id: string): void {
    this.answers.delete(id);
  }

  /** Forgets the oldest answers until at most the limit remain. */
  trim(): void {
    while (this.answers.size > this.limit && this.head < this.order.length) {
      const id = this.order[this.head]!;
      // An id forgotten and remembered again since sits later in the order: only its latest place counts.
      if (this.answers.get(id)?.at === this.base + this.head) this.answers.delete(id);
      this.head++;
    }
    if (this.head > 4096 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }
}
