import type { HubState } from '../core/index.ts';

/**
 * Why the hub will not start when its checkpoint is ahead of its log: the operations in between were
 * acknowledged and their log files are gone (removed, replaced by an older copy, cut). Replaying the log
 * alone would silently lose them, so the hub names them and stops, changing nothing. The checkpoint
 * keeps their effect, not the operations: each request's history names the seqs that changed it.
 */
export function logGapMessage(checkpointFile: string, logDir: string, checkpoint: HubState, logEndsAt: number): string {
  const from = logEndsAt + 1;
  const to = checkpoint.seq;
  const touched: string[] = [];
  for (const r of Object.values(checkpoint.requests)) {
    const seqs = r.history.filter((h) => h.seq >= from && h.seq <= to).map((h) => `${h.action} at seq ${h.seq}`);
    if (seqs.length) touched.push(`ticket ${r.ticket} (request ${r.id}: ${seqs.join(', ')})`);
  }
  const shown = touched.slice(0, 20);
  const more = touched.length > shown.length ? `, and ${touched.length - shown.length} more requests` : '';
  return (
    `GateCare: ${checkpointFile} holds the state up to seq ${to}, but the log in ${logDir} ends at seq ${logEndsAt}: ` +
    `operations seq ${from}–${to} were acknowledged and are in no log file now (a segment or tail.jsonl was removed, replaced by an older copy, or cut). ` +
    (shown.length ? `They changed ${shown.join('; ')}${more}. ` : 'They changed no request (flights, notices, staff or settings). ') +
    `Their operation ids are stored only in the log. Starting from the log alone would lose them, so the hub stops and has changed nothing: ` +
    `restore the missing log files from a backup (the segment starting at seq ${from}, or tail.jsonl), then start again.`
  );
}
