import webpush from 'web-push';
import { noticesForGate, pushMessage, type CareRequest, type HubState, type LogEntry, type PushEvent } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { VapidKeys } from './push-keys.ts';
import type { PushSubscriptions, StoredSubscription } from './push-subscriptions.ts';

export interface PhonePushOptions {
  /** Push services speak https; tests run a local http endpoint and allow it. */
  allowHttp: boolean;
  /** The VAPID contact push services may write to about this hub. */
  subject: string;
}

/** Whether the hub may post to this address: a push service, never the hub's own network by plain http. */
export function pushEndpointAllowed(endpoint: string, allowHttp: boolean): boolean {
  try {
    const u = new URL(endpoint);
    return u.protocol === 'https:' || (allowHttp && u.protocol === 'http:');
  } catch {
    return false;
  }
}

/** What the passenger's phone is told after a commit, by the ticket it concerns. */
function eventsOf(entries: LogEntry[], state: HubState, subscribed: (r: CareRequest) => boolean): { request: CareRequest; event: PushEvent }[] {
  const out: { request: CareRequest; event: PushEvent }[] = [];
  for (const { op } of entries) {
    const id = 'requestId' in op.payload && typeof op.payload.requestId === 'string' ? op.payload.requestId : null;
    const r = id ? state.requests[id] : undefined;
    if (r && !subscribed(r)) continue;
    if (r && op.type === 'request.claim' && r.status === 'claimed')
      out.push({ request: r, event: { kind: 'claimed', ticket: r.ticket, name: r.claimedByName ?? '' } });
    if (r && op.type === 'request.deliver' && r.status === 'delivered') out.push({ request: r, event: { kind: 'delivered', ticket: r.ticket } });
    if (r && op.type === 'request.cancel') out.push({ request: r, event: { kind: 'cancelled', ticket: r.ticket } });
    if (r && op.type === 'thread.staff') {
      const name = state.staff[op.actor.id]?.firstName ?? '';
      out.push({ request: r, event: { kind: 'answer', ticket: r.ticket, name } });
    }
    if (op.type === 'notice.reveal') {
      for (const asked of Object.values(state.requests)) {
        if (!subscribed(asked) || asked.askedFromRequestId) continue;
        const flight = state.flights[asked.flightId];
        if (noticesForGate(state, flight?.gate ?? asked.gate).some((n) => n.id === op.payload.notice.id)) {
          out.push({ request: asked, event: { kind: 'notice', ticket: asked.ticket, flight: asked.flightNumber } });
        }
      }
    }
  }
  return out;
}

/**
 * Web Push to passengers' phones: a status change, a staff answer, a notice for their flight.
 * Sent after the commit (never holding it up), encrypted for the phone (aes128gcm, RFC 8291) and
 * signed with the hub's VAPID keys. A subscription the push service says is gone is dropped.
 */
export function attachPhonePush(hub: Hub, subscriptions: PushSubscriptions, keys: VapidKeys, options: PhonePushOptions): { sent: () => number } {
  let sent = 0;
  const vapidDetails = { subject: options.subject, publicKey: keys.publicKey, privateKey: keys.privateKey };

  const send = async (owner: string, sub: StoredSubscription, body: string): Promise<void> => {
    try {
      // web-push encrypts and signs; the request goes out through fetch, which also reaches a
      // test's plain-http endpoint (web-push's own sender speaks https only).
      const details = webpush.generateRequestDetails(sub, body, { vapidDetails, TTL: 3600, contentEncoding: 'aes128gcm' });
      const headers = Object.fromEntries(
        Object.entries(details.headers as Record<string, string | number>)
          .filter(([k]) => k.toLowerCase() !== 'content-length')
          .map(([k, v]) => [k, String(v)]),
      );
      const res = await fetch(details.endpoint, {
        method: details.method,
        headers,
        body: details.body ? new Uint8Array(details.body) : null,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) sent++;
      else if (res.status === 404 || res.status === 410) await subscriptions.remove(owner, sub.endpoint);
    } catch {
      // An unreachable push service: the page still shows everything when opened.
    }
  };

  // Only the node that committed an entry pushes it: every node of a cluster holds the same subscriptions.
  hub.on('committedHere', (entries: LogEntry[], state: HubState) => {
    if (subscriptions.count === 0) return;
    void (async () => {
      // A revoked or purged link loses its subscriptions before anything is sent.
      await subscriptions.prune(state);
      // The phone of the ticket, and the phone that asked for it (it follows its asks).
      const owners = (r: CareRequest): string[] => [r.id, ...(r.askedFromRequestId ? [r.askedFromRequestId] : [])];
      const subscribed = (r: CareRequest): boolean => owners(r).some((id) => subscriptions.of(id).length > 0);
      for (const { request, event } of eventsOf(entries, state, subscribed)) {
        const body = JSON.stringify(pushMessage(event, request.language));
        for (const owner of owners(request)) {
          for (const sub of subscriptions.of(owner)) {
            if (pushEndpointAllowed(sub.endpoint, options.allowHttp)) await send(owner, sub, body);
          }
        }
      }
    })().catch(() => undefined);
  });
  return { sent: () => sent };
}
