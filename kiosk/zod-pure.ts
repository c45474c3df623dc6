import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names whose calls only build zod schemas: `z` itself and every schema that
 * core/ declares at module level (`export const GateId = z...`). Telling the
 * bundler these calls are pure lets it drop the schemas the kiosk never uses,
 * and with them zod, which the hub needs but a kiosk screen does not.
 * Derived from the source so that new schemas are covered without edits here.
 */
export function zodSchemaBuilders(coreDir: string): string[] {
  const names = new Set<string>(['z']);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/^(?:export )?const (\w+)\s*=\s*(?:z\b|\w+\.(?:extend|strict|pick|omit|partial|refine|array)\()/gm)) {
          names.add(m[1]!);
        }
        for (const m of source.matchAll(/^(?:export )?const (\w+)\s*=\s*\n?\s*z\b/gm)) names.add(m[1]!);
      }
    }
  };
  walk(coreDir);
  return [...names].sort();
}
