import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** `{ type A, type B }`: only types, erased by the build like `import type`. */
function onlyTypes(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** Modules a file imports at run time: type-only imports and re-exports are erased by the build, so they do not count. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:([^;'"]*?)\s+from\s+)?['"]([^'"]+)['"]/gms)) {
    if (!m[1] && !onlyTypes(m[2] ?? '')) out.push(m[3]!);
  }
  return out;
}

/** Every file reached from `entry` through run-time imports, and for each package the first file importing it from core/ (else any). */
function closure(entry: string): { files: string[]; packages: Map<string, string>; fromCore: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const fromCore = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else {
        const by = relative(ROOT, file);
        if (!packages.has(spec)) packages.set(spec, by);
        if (by.startsWith('core/') && !fromCore.has(spec)) fromCore.set(spec, by);
      }
    }
  };
  visit(join(ROOT, entry));
  return { files: [...files].map((f) => relative(ROOT, f)), packages, fromCore };
}

describe("the kiosk's zod-free entry into core", () => {
  it('reaches no zod at run time from core/plain.ts, yet holds the reducer and the value lists', () => {
    const { files, packages } = closure('core/plain.ts');
    expect(packages.get('zod'), `zod is imported at run time by ${packages.get('zod')}`).toBeUndefined();
    expect(files).toContain('core/reducer.ts');
    expect(files).toContain('core/values.ts');
  });

  it('is what the kiosk and the sync client import core through', () => {
    for (const entry of ['kiosk/src/main.tsx', 'client/sync-client.ts']) {
      const { files, fromCore } = closure(entry);
      expect(files, entry).toContain('core/plain.ts');
      expect(files, entry).not.toContain('core/index.ts');
      // client/strict-csp.ts sets zod's jitless mode, which needs no schema; core must bring none.
      expect(fromCore.get('zod'), `${entry} reaches zod through ${fromCore.get('zod')}`).toBeUndefined();
    }
  });

  it('notices an import of zod, so it can fail', () => {
    const { packages } = closure('core/index.ts');
    expect(packages.get('zod')).toBeDefined();
  });
});
