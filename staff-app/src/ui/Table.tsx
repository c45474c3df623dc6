import type { ReactNode } from 'react';

/** A column heading: its text, or its text and a class (`num` right-aligns a column of numbers). */
export type Column = string | { label: string; className?: string };

/**
 * A table with a heading row: the rows come as children, a total as `foot`.
 * `grid` is the manager's ruled style, inside a box that scrolls sideways on a narrow screen.
 */
export function Table({
  columns,
  children,
  foot,
  testId,
  caption,
  grid = false,
}: {
  columns: readonly Column[];
  children: ReactNode;
  foot?: ReactNode;
  testId?: string;
  caption?: string;
  grid?: boolean;
}) {
  const table = (
    <table className={grid ? 'grid' : undefined} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) =>
            typeof c === 'string' ? (
              <th scope="col" key={c}>
                {c}
              </th>
            ) : (
              <th scope="col" key={c.label} className={c.className}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
  return grid ? <div className="scroll">{table}</div> : table;
}
