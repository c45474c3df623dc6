import type { ImportError } from '../../../core/tabular-rows.ts';

/** A list file as read in the browser: its name, its text, and its format when the name tells it (else the parser guesses). */
export type ListFile = { name: string; text: string; format: 'csv' | 'json' | undefined };

async function readListFile(file: File): Promise<ListFile> {
  const lower = file.name.toLowerCase();
  const format = lower.endsWith('.json') ? 'json' : lower.endsWith('.csv') ? 'csv' : undefined;
  return { name: file.name, text: await file.text(), format };
}

/** The file field of an import (flights, passengers): a CSV or JSON list, read as soon as it is chosen. */
export function ListFileField({ label, onRead }: { label: string; onRead: (file: ListFile) => void }) {
  return (
    <label className="field">
      {label}
      <input
        type="file"
        accept=".csv,.json,text/csv,application/json"
        onChange={(e) => e.target.files?.[0] && void readListFile(e.target.files[0]).then(onRead)}
      />
    </label>
  );
}

/** Every line of a list the parser refused, by its number, so the file can be fixed where it is wrong. */
export function LineErrors({ errors, testId }: { errors: readonly ImportError[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="import-errors" role="alert" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i}>
          <strong>Line {e.line}:</strong> {e.message}
        </li>
      ))}
    </ul>
  );
}
