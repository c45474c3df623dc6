import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, Reply } from './protocol.ts';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** A TypeScript child process run with tsx, talking over IPC. */
export class Child {
  readonly proc: ChildProcess;
  private waiting: Array<(m: unknown) => void> = [];
  private exited: Promise<number | null>;

  constructor(file: string, env: Record<string, string> = {}, nodeArgs: string[] = []) {
    this.proc = fork(here(file), [], {
      execArgv: ['--import', 'tsx', ...nodeArgs],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (m) => this.waiting.shift()?.(m));
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
    void this.exited.then((code) => {
      for (const w of this.waiting.splice(0)) w({ ok: 'error', message: `${file} exited with code ${code}` });
    });
  }

  /** The next message from the child. */
  next<T>(): Promise<T> {
    return new Promise((resolve) => this.waiting.push(resolve as (m: unknown) => void));
  }

  async ask<T = Reply>(msg: Command | { cmd: string }): Promise<T> {
    const answer = this.next<T>();
    this.proc.send(msg);
    const a = await answer;
    if ((a as { ok?: string }).ok === 'error') throw new Error((a as unknown as { message: string }).message);
    return a;
  }

  async stop(): Promise<void> {
    // Already gone (exited, or killed: the cluster bench kills a node with SIGKILL).
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.send({ cmd: 'exit' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
