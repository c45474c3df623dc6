import { viewerKey, type PullResult, type Viewer } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { Clock } from './clock.ts';
import { encodeOnce } from './text-only-parser.ts';

/** An answer is shared at most this long, so nothing it holds outlives a purge by more. */
const SHARED_FOR_MS = 1000;

/**
 * Catch-up answers shared by the devices that see the same thing. A node taking over a dead node's
 * devices is asked by dozens of them, from the same seq and with the same view, for the same pages:
 * each answer is built and encoded once and sent to all of them, so taking them over costs about
 * what one device's pull costs. An answer depends on the durable state, the seq asked after and the
 * view, so it is kept only while the durable head stays where it was; staff only, since a kiosk's
 * entries are in its own form.
 */
export class SharedPulls {
  private head = -1;
  private since = 0;
  private readonly answers = new Map<string, PullResult>();

  constructor(
    private readonly hub: Hub,
    private readonly now: Clock,
  ) {}

  pull(after: number, viewer: Viewer): PullResult {
    if (viewer.kind !== 'staff') return this.hub.pull(after, viewer);
    const now = this.now();
    if (this.hub.durableSeq !== this.head || now - this.since > SHARED_FOR_MS) {
      this.answers.clear();
      this.head = this.hub.durableSeq;
      this.since = now;
    }
    const key = `${after}|${viewerKey(viewer)}`;
    const known = this.answers.get(key);
    if (known) return known;
    const answer = encodeOnce(this.hub.pull(after, viewer));
    this.answers.set(key, answer);
    return answer;
  }
}
