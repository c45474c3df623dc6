import type { PolicyChange } from '../../../core/index.ts';
import { dateTime } from './format.ts';

/** Rule changes, newest first: when, who, and one line per thing that moved. */
export function ChangeLog({ changes, empty, testId, zone }: { changes: PolicyChange[]; empty: string; testId: string; zone: string }) {
  if (changes.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className="policy-log" data-testid={testId} reversed>
      {[...changes].reverse().map((c) => (
        <li key={c.seq}>
          <strong>{dateTime(c.at, zone)}</strong> — {c.byName} ({c.by})
          <ul>
            {c.changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
