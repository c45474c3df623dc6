import { createHmac, timingSafeEqual } from 'node:crypto';
import { phoneLinkOpen, type CareRequest, type HubState, type PhoneClosedReason } from '../core/index.ts';

/** 16 bytes of request id, then a 16-byte (128-bit) tag: 43 characters of base64url. */
const CAPABILITY = /^[A-Za-z0-9_-]{43}$/;
const TAG_BYTES = 16;

export type OpenedLink = { ok: true; request: CareRequest } | { ok: false; closed: PhoneClosedReason; reason: string };

function uuidBytes(id: string): Buffer | null {
  const hex = id.replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex) ? Buffer.from(hex, 'hex') : null;
}

function uuidOf(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Phone links: a capability scoped to one ticket, derived from the hub's secret, the request id and
 * the request's phone generation. Nothing is stored: the state holds only the generation (bumped
 * by "lost phone") and whether links are closed (purge), so the op log never carries a link.
 */
export class PhoneCapabilities {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, so a phone link can never be mistaken for a session token's signature.
    this.key = createHmac('sha256', secret).update('gatecare phone links v1').digest();
  }

  /** The link of the request's current generation, or null once links are closed. */
  mint(r: CareRequest): string | null {
    const id = uuidBytes(r.id);
    if (!id || !phoneLinkOpen(r)) return null;
    return Buffer.concat([id, this.tag(id, r.phoneGeneration ?? 0)]).toString('base64url');
  }

  /** What a capability opens: its ticket, or why not (worded for the phone's page). */
  open(state: HubState, capability: unknown): OpenedLink {
    const unknown: OpenedLink = { ok: false, closed: 'unknown', reason: 'this link is not a GateCare ticket link: check it was copied whole' };
    if (typeof capability !== 'string' || !CAPABILITY.test(capability)) return unknown;
    const raw = Buffer.from(capability, 'base64url');
    const id = raw.subarray(0, 16);
    const given = raw.subarray(16);
    const r = state.requests[uuidOf(id)];
    if (!r) return unknown;
    const generation = r.phoneGeneration ?? 0;
    if (timingSafeEqual(given, this.tag(id, generation))) {
      return phoneLinkOpen(r)
        ? { ok: true, request: r }
        : { ok: false, closed: 'purged', reason: 'this ticket is closed and its details were deleted' };
    }
    for (let g = generation - 1; g >= 0; g--) {
      if (timingSafeEqual(given, this.tag(id, g))) return { ok: false, closed: 'revoked', reason: 'this link was switched off by the staff' };
    }
    return unknown;
  }

  private tag(id: Buffer, generation: number): Buffer {
    return createHmac('sha256', this.key).update(id).update(`:${generation}`).digest().subarray(0, TAG_BYTES);
  }
}
