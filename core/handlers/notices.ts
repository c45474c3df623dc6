import type { Handler, OpSpecs } from './types.ts';
import { reject } from '../outcome.ts';
import { revealAtFor } from '../notices.ts';
import type { Notice } from '../notice-model.ts';

export const noticePublish: Handler<'notice.publish'> = (state, op, ctx) => {
  const p = op.payload;
  if (state.notices[p.noticeId]) return reject('conflict', 'this notice was already published');
  if (p.scope.kind === 'flight' && !state.flights[p.scope.flightId]) {
    return reject('not_found', `flight ${p.scope.flightId} does not exist`);
  }
  if (p.scope.kind === 'gates') {
    const unknown = p.scope.gates.find((g) => !state.gates[g]);
    if (unknown) return reject('not_found', `gate ${unknown} does not exist`);
  }
  if (p.replaces !== null) {
    const earlier = state.notices[p.replaces];
    if (!earlier) return reject('not_found', 'the notice to update does not exist');
    const already = Object.values(state.notices).find((n) => n.replaces === p.replaces);
    if (already) return reject('conflict', 'that notice was already updated: update the newer one');
  }
  if (p.nextUpdateAt !== null && Date.parse(p.nextUpdateAt) <= Date.parse(ctx.at)) {
    return reject('invalid', 'the next update must be in the future');
  }
  const member = state.staff[op.actor.id];
  const notice: Notice = {
    id: p.noticeId,
    scope: p.scope,
    texts: p.texts,
    nextUpdateAt: p.nextUpdateAt === null ? null : new Date(p.nextUpdateAt).toISOString(),
    leadSeconds: p.leadSeconds,
    replaces: p.replaces,
    publishedAt: ctx.at,
    publishedBy: op.actor.id,
    publishedByName: member ? `${member.firstName} ${member.lastName}` : op.actor.id,
    revealAt: revealAtFor(ctx.at, p.leadSeconds),
    revealedAt: null,
  };
  return { ok: true, state: { ...state, notices: { ...state.notices, [notice.id]: notice } } };
};

/**
 * The hub reveals a notice to kiosks once its lead is over. Kiosks never received
 * the publication, so the reveal carries the whole notice and creates it there.
 */
export const noticeReveal: Handler<'notice.reveal'> = (state, op, ctx) => {
  const n = op.payload.notice;
  const existing = state.notices[n.id];
  if (existing?.revealedAt) return reject('conflict', 'this notice is already shown on kiosks');
  return { ok: true, state: { ...state, notices: { ...state.notices, [n.id]: { ...(existing ?? n), revealedAt: ctx.at } } } };
};

export const noticeSpecs: OpSpecs<'notice.publish' | 'notice.reveal'> = {
  'notice.publish': {
    submitters: ['duty_manager'],
    handler: noticePublish,
    // Kiosks learn of a notice through its reveal, never its publication.
    visibility: { to: 'staff' },
    // A notice speaks to a flight or gates, never about one passenger.
    purge: 'no passenger data',
  },
  'notice.reveal': {
    // Only the hub's clock decides when kiosks see a notice.
    submitters: ['system'],
    handler: noticeReveal,
    visibility: { to: 'everyone', kiosk: 'whole' },
    purge: 'no passenger data',
  },
};
