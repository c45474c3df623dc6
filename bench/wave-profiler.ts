/**
 * A CPU profile of the timed waves alone (BENCH_TYPE_WAVE_PROFILE=<dir>), for bench/type-cost-child.ts.
 * A whole-process profile (`--cpu-prof`, BENCH_TYPE_PROFILE) mixes the waves with the fill, the
 * preparation and the reopenings, which differ between the sides by design; this one samples only from
 * just before a wave's first submit to its last acknowledgement, so the two sides' profiles of one type
 * compare the same operations. Written as `<dir>/<side>/<type>/wave-<n>.cpuprofile`; read a folder of
 * them at once with `npx tsx bench/profile-top.ts <dir>/<side>/<type>`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** Sampling every 50 µs: a wave of 150 operations is 5–30 ms of CPU. */
const INTERVAL_US = 50;

export class WaveProfiler {
  private readonly session = new Session();
  private readonly waves = new Map<string, number>();
  private ready: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly side: string,
  ) {}

  async start(): Promise<void> {
    this.ready ??= (async () => {
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    })();
    await this.ready;
    await this.session.post('Profiler.start');
  }

  async stop(type: string): Promise<void> {
    const { profile } = await this.session.post('Profiler.stop');
    const n = (this.waves.get(type) ?? 0) + 1;
    this.waves.set(type, n);
    const folder = join(this.dir, this.side, type);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `wave-${n}.cpuprofile`), JSON.stringify(profile));
  }
}
