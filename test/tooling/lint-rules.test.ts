import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// The repository's own eslint.config.js, run on code that breaks (or keeps) the architecture's boundaries.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('lint boundaries (npm run lint)', () => {
  it('refuses core importing from the hub, the sync client or an app', async () => {
    expect(await ruleIds('core/lint-probe.ts', "export { Hub } from '../server/hub.ts';\n")).toContain('import-x/no-restricted-paths');
    expect(await ruleIds('core/lint-probe.ts', "export { SyncClient } from '../client/sync-client.ts';\n")).toContain('import-x/no-restricted-paths');
    expect(await ruleIds('core/handlers/lint-probe.ts', "export { App } from '../../kiosk/src/App.tsx';\n")).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('refuses the kiosk and the staff app importing each other, and the hub or client/ importing an app', async () => {
    expect(await ruleIds('kiosk/src/lint-probe.ts', "export { App } from '../../staff-app/src/App.tsx';\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('staff-app/src/lint-probe.ts', "export { App } from '../../kiosk/src/App.tsx';\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('server/lint-probe.ts', "export { App } from '../staff-app/src/App.tsx';\n")).toContain('import-x/no-restricted-paths');
    expect(await ruleIds('client/lint-probe.ts', "export { App } from '../kiosk/src/App.tsx';\n")).toContain('import-x/no-restricted-paths');
  });

  it('refuses a socket opened by an app rather than through client/', async () => {
    expect(await ruleIds('kiosk/src/lint-probe.ts', "export { io } from 'socket.io-client';\n")).toContain('no-restricted-imports');
    expect(await ruleIds('staff-app/src/manager/lint-probe.ts', "export { io } from 'socket.io-client';\n")).toContain('no-restricted-imports');
  });

  it('lets the apps use core/ and client/, and client/ use its socket', async () => {
    expect(
      await ruleIds(
        'kiosk/src/lint-probe.ts',
        "export { SyncClient } from '../../client/sync-client.ts';\nexport { NEEDS } from '../../core/index.ts';\n",
      ),
    ).toEqual([]);
    expect(await ruleIds('client/lint-probe.ts', "export { io } from 'socket.io-client';\n")).toEqual([]);
  });

  describe('import cycles', () => {
    let dir = '';
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('refuses two modules importing each other at run time', async () => {
      dir = await mkdtemp(join(ROOT, 'test', 'tooling', 'cycle-probe-'));
      await writeFile(join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
      await writeFile(join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = (): number => (a.length ? 1 : 0);\n");
      const results = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('import-x/no-cycle');
    });
  });
});
