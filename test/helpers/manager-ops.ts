import { v7 as uuidv7 } from 'uuid';
import type { Actor, NoticeScope, OpBody } from '../../core/index.ts';

export const CLAIRE: Actor = { kind: 'staff', id: 'M201' };

export function publishNotice(
  scope: NoticeScope,
  overrides: Partial<Extract<OpBody, { type: 'notice.publish' }>['payload']> = {},
): Extract<OpBody, { type: 'notice.publish' }> {
  return {
    type: 'notice.publish',
    payload: {
      noticeId: uuidv7(),
      scope,
      texts: {
        en: { known: 'A technical fault on the aircraft is being repaired.', unknown: 'When the repair will be finished.' },
        fr: { known: "Une panne technique de l'avion est en cours de réparation.", unknown: 'Quand la réparation sera terminée.' },
      },
      nextUpdateAt: null,
      leadSeconds: 120,
      replaces: null,
      ...overrides,
    },
  };
}
