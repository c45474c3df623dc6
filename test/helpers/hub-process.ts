import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A port nobody listens on right now, so a restarted hub can come back on the same address. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => done(port));
    });
  });
}

export interface HubProcess {
  proc: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr interleaved). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs the hub exactly as `npm run serve` does (tsx server/main.ts) in a child process.
 * Resolves once it listens, or rejects with its output if it exits first.
 */
export async function spawnHub(env: Record<string, string>, opts: { waitForListen?: boolean } = {}): Promise<HubProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', resolve('server/main.ts')], {
    env: { ...process.env, HOST: '127.0.0.1', GATECARE_DIST: resolve('dist'), NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    proc.once('exit', (code, signal) => done({ code, signal })),
  );
  const handle: HubProcess = {
    proc,
    url: '',
    output: () => out,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
  if (opts.waitForListen === false) return handle;
  const url = await new Promise<string>((done, fail) => {
    const onData = (): void => {
      const m = /GateCare hub on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        proc.stdout!.off('data', onData);
        done(`http://127.0.0.1:${m[1]}`);
      }
    };
    proc.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => fail(new Error(`hub exited (${code ?? signal}) before listening:\n${out}`)));
  });
  return { ...handle, url };
}
