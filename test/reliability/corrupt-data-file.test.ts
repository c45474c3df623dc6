import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, stat, writeFile, truncate, cp, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { freePort, spawnHub } from '../helpers/hub-process.ts';
import { removeDir, tempDataDir } from '../helpers/hub.ts';

/** The biggest data file in a folder of the data directory (README: gatecare.json, log/seg-<seq>.json). */
async function biggestFile(dir: string): Promise<string> {
  let best = '';
  let size = -1;
  for (const name of await readdir(dir)) {
    if (name.startsWith('.') || !name.endsWith('.json')) continue;
    const s = await stat(join(dir, name));
    if (s.isFile() && s.size > size) [best, size] = [join(dir, name), s.size];
  }
  if (!best) throw new Error(`no data file in ${dir}`);
  return best;
}

const WHICH: Array<[string, (dir: string) => Promise<string>]> = [
  ['the hub file', (dir) => biggestFile(dir)],
  ['the operation log', (dir) => biggestFile(join(dir, 'log'))],
];

describe('a corrupt or truncated data file at start, through the real CLI', () => {
  let pristine: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    pristine = await tempDataDir();
    dirs.push(pristine);
    const hub = await spawnHub({ PORT: String(await freePort()), GATECARE_DATA: pristine });
    await hub.kill('SIGTERM');
    expect((await hub.exited).code).toBe(0);
  });
  afterAll(async () => {
    for (const d of dirs) await removeDir(d);
  });

  const damages: Array<[string, (file: string) => Promise<void>, RegExp]> = [
    ['truncated mid-way', async (f) => truncate(f, Math.floor((await stat(f)).size * 0.6)), /Unterminated|Unexpected end|JSON/],
    ['empty', async (f) => truncate(f, 0), /Unexpected end|JSON/],
    ['overwritten with binary garbage', async (f) => writeFile(f, Buffer.from([0, 159, 146, 150, 255, 1, 2])), /JSON|Unexpected token/],
    ['valid JSON but not GateCare data', async (f) => writeFile(f, JSON.stringify({ v: 1, log: 'nope' })), /not a GateCare (data file|log segment)/],
  ];

  const cases = WHICH.flatMap(([which, pick]) =>
    damages
      .filter(([what]) => which === 'the hub file' || /truncated|not GateCare/.test(what))
      .map(([what, damage, cause]) => ({ which, pick, what, damage, cause })),
  );
  for (const [i, { which, pick, what, damage, cause }] of cases.entries()) {
    it(`refuses to start when ${which} is ${what}, names it, says what to do, keeps a copy and never overwrites it`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gatecare-corrupt-'));
      dirs.push(dir);
      await cp(pristine, dir, { recursive: true });
      const file = await pick(dir);
      await damage(file);
      const damaged = await readFile(file);

      const hub = await spawnHub({ PORT: String(await freePort()), GATECARE_DATA: dir }, { waitForListen: false });
      const { code } = await hub.exited;
      const out = hub.output();
      expect(code).toBe(1);
      expect(out).toContain(file);
      expect(out).toMatch(/is corrupt or truncated/);
      expect(out).toMatch(cause);
      expect(out).toMatch(/Restore a backup to \S+/);
      // Moving the file away would lose the PINs and secret (hub file) or the operations (a segment): never advised.
      expect(out).not.toMatch(/move it away to start with an empty hub/);
      const copy = /A copy was kept at (\S+)\./.exec(out)?.[1];
      expect(copy, out).toBeDefined();
      expect(await readFile(copy!)).toEqual(damaged);
      expect(await readFile(file)).toEqual(damaged);

      if (i > 0) return;
      // A second attempt still refuses, and still leaves the file as it was.
      const again = await spawnHub({ PORT: String(await freePort()), GATECARE_DATA: dir }, { waitForListen: false });
      expect((await again.exited).code).toBe(1);
      expect(await readFile(file)).toEqual(damaged);
    });
  }
});
