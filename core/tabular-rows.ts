import Papa from 'papaparse';
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/*
 * Reading a list a duty manager uploads (flights, a flight's passengers) as rows of named values,
 * each with the line it starts on, so every problem can be named by line. What the rows mean is
 * the caller's business (core/flight-import.ts, core/passenger-import.ts).
 */

export interface ImportError {
  /** 1-based line in the file the duty manager uploaded. */
  line: number;
  message: string;
}

export interface Row {
  line: number;
  values: Record<string, unknown>;
}

export interface TableShape {
  /** Column names as written in the documentation; matched whatever their case. */
  columns: readonly string[];
  required: readonly string[];
  /** What one item is, for messages: "flight" or "passenger". */
  item: string;
  /** An example item, for the message when a JSON array holds something else. */
  example: string;
}

/** Maps a character offset to its 1-based line, with one pass over the text. */
export function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** Column names are matched whatever their case, so "Gate" or "GATE" work too. */
function canonicalColumn(shape: TableShape, name: string): string | undefined {
  const n = name.trim().toLowerCase();
  return shape.columns.find((c) => c.toLowerCase() === n);
}

export function parseCsvRows(text: string, shape: TableShape): { rows: Row[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const rows: Row[] = [];
  let header: (string | undefined)[] | null = null;
  let rowStart = 0;
  const lineAt = lineIndex(text);
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const cells = result.data;
      const line = lineAt(start);
      if (cells.every((c) => c.trim() === '')) return;
      for (const e of result.errors) {
        if (e.code !== 'UndetectableDelimiter') errors.push({ line, message: e.message });
      }
      if (!header) {
        header = cells.map((c) => canonicalColumn(shape, c));
        const unknown = cells.filter((c, i) => header![i] === undefined);
        if (unknown.length)
          errors.push({ line, message: `unknown column ${unknown.map((u) => `"${u}"`).join(', ')}; columns are ${shape.columns.join(', ')}` });
        const missing = shape.required.filter((c) => !header!.includes(c));
        if (missing.length) errors.push({ line, message: `missing column ${missing.join(', ')}` });
        return;
      }
      if (cells.length !== header.length) {
        errors.push({ line, message: `${cells.length} values but ${header.length} columns` });
        return;
      }
      const values: Record<string, unknown> = {};
      header.forEach((c, i) => {
        if (c) values[c] = cells[i];
      });
      rows.push({ line, values });
    },
  });
  if (!header) errors.push({ line: 1, message: `the file is empty: the first line names the columns (${shape.columns.join(', ')})` });
  return { rows, errors };
}

const JSON_PROBLEM: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character (text values need "double quotes")',
  ValueExpected: 'a value is expected',
  PropertyNameExpected: 'a "property name" is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected between items',
  CloseBraceExpected: 'a } is missing',
  CloseBracketExpected: 'a ] is missing',
  EndOfFileExpected: 'unexpected text after the list',
  UnexpectedEndOfString: 'a text value is not closed with "',
  InvalidCommentToken: 'comments are not allowed',
};

/** A list of flat records needs three levels; the parser recurses, so a file nested thousands deep must not reach it. */
const MAX_JSON_DEPTH = 32;

/** Where the nesting first goes deeper than `max`, or -1: brackets inside strings do not count. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

export function parseJsonRows(text: string, shape: TableShape): { rows: Row[]; errors: ImportError[] } {
  const lineAt = lineIndex(text);
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0) return { rows: [], errors: [{ line: lineAt(deep), message: `nested too deeply: a ${shape.item} is one flat object` }] };
  const problems: ParseError[] = [];
  const tree = parseTree(text, problems, { disallowComments: true, allowTrailingComma: false });
  const first = problems[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    return { rows: [], errors: [{ line: first ? lineAt(first.offset) : 1, message: `not valid JSON: ${JSON_PROBLEM[code] ?? code}` }] };
  }
  if (tree.type !== 'array')
    return { rows: [], errors: [{ line: 1, message: `a JSON ${shape.item} list is an array of ${shape.item}s: [ {...}, {...} ]` }] };
  const rows: Row[] = [];
  const errors: ImportError[] = [];
  for (const node of tree.children ?? []) {
    const line = lineAt(node.offset);
    if (node.type !== 'object') {
      errors.push({ line, message: `each ${shape.item} is an object such as ${shape.example}` });
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(getNodeValue(node) as Record<string, unknown>)) values[canonicalColumn(shape, k) ?? k] = v;
    rows.push({ line, values });
  }
  return { rows, errors };
}

/** Rows of a CSV (header line first) or a JSON array; the format is guessed from the first character when not given. */
export function parseRows(text: string, shape: TableShape, format?: 'csv' | 'json'): { format: 'csv' | 'json'; rows: Row[]; errors: ImportError[] } {
  const fmt = format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const out = fmt === 'json' ? parseJsonRows(text, shape) : parseCsvRows(text.replace(/^\uFEFF/, ''), shape);
  return { format: fmt, ...out };
}

/** A blank cell counts as a missing value. */
export function blankToUndefined(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}

/** "830" from a CSV cell becomes 830; blank or null becomes missing; other text stays text, to be named as wrong. */
export function numberFromCell(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isNaN(n) ? v : n;
}
