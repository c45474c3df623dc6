import { storedHubUrls } from './hub-urls.ts';
import { hubsFrom } from './hub-rotation.ts';

const ANSWER_WITHIN_MS = 10_000;

/**
 * POSTs JSON to the page's own hub and, while no hub answers at all, to the next node of the
 * airport it knows of (learnt from /api/hubs and kept): sign-in and enrolment still work when the
 * node that served the page has died. A hub that answers, even with a refusal, is the answer;
 * throws only when none could be reached.
 */
export async function postToHubs(path: string, body: unknown): Promise<Response> {
  for (const hub of hubsFrom(location.origin, storedHubUrls())) {
    try {
      return await fetch(`${hub}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // A machine that is down (rather than a process that is gone) never refuses: give up on it and ask the next.
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
    } catch {
      // Unreachable: try the next node.
    }
  }
  throw new Error('The hub cannot be reached: check the network and try again.');
}
