/**
 * The functions a CPU profile (.cpuprofile, e.g. from BENCH_UI_PROFILE) spent its time in: self and
 * total time, heaviest first. `npx tsx bench/profile-top.ts <file> [rows] [fromS toS]`: with a window
 * (seconds since the profile started), only the samples inside it, e.g. one surge round of a whole bench run.
 * Given a folder instead of a file, every .cpuprofile in it counts, summed (e.g. the waves of one type on
 * one side, BENCH_TYPE_WAVE_PROFILE); a window then applies to each profile.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function profilesAt(path: string): Promise<Profile[]> {
  const files = (await stat(path)).isDirectory() ? (await readdir(path)).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(path, f)) : [path];
  if (!files.length) throw new Error(`${path} holds no .cpuprofile file`);
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as Profile));
}

async function main(): Promise<void> {
  const [file, rowsArg, fromArg, toArg] = process.argv.slice(2);
  const from = fromArg === undefined ? -Infinity : Number(fromArg) * 1e6;
  const to = toArg === undefined ? Infinity : Number(toArg) * 1e6;
  if (!file) throw new Error('usage: npx tsx bench/profile-top.ts <file.cpuprofile or folder> [rows] [fromS toS]');
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const profile of await profilesAt(file)) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const label = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
    let clock = 0;
    profile.samples.forEach((id, i) => {
      clock += profile.timeDeltas[i] ?? 0;
      if (clock < from || clock > to) return;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      all += dt;
      const leaf = byId.get(id)!;
      self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
      // Each function once per sample, however deep its recursion.
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
        const l = label(n);
        if (seen.has(l)) continue;
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + dt);
      }
    });
  }
  const rows = Number(rowsArg ?? 30);
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
    for (const [l, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${ms.toFixed(0).padStart(8)} ms  ${l}`);
  };
  show('Self time', self);
  show('Total time', total);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
