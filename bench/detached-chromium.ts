/**
 * Chromium driven over the DevTools protocol with nothing attached to its pages but what a
 * measure asks for: no Runtime, Network or Log domain, unlike Playwright, which enables them in
 * every page it knows. Why: with the Runtime domain enabled, chromium has V8 keep stack traces for
 * the inspector, and an Error created while a script from the code cache runs (react-dom makes
 * five at import) then needs the source positions that cache leaves out, so V8 parses the whole
 * entry again on the page's main thread: 450–500 ms of a 4× throttled kiosk start in a trace, which
 * a kiosk in production, with no DevTools session, never pays (README "Devices in a surge").
 *
 * The protocol goes over `--remote-debugging-pipe` (file descriptors 3 and 4, messages ended by
 * NUL), so no WebSocket client is needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/browser.ts';

interface Reply {
  id?: number;
  sessionId?: string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export class DetachedChromium {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private buffered = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly input: Writable,
    output: Readable,
  ) {
    output.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString('utf8');
      let end: number;
      while ((end = this.buffered.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffered.slice(0, end)) as Reply;
        this.buffered = this.buffered.slice(end + 1);
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!waiting) continue;
        this.pending.delete(message.id!);
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result);
      }
    });
    proc.once('exit', (code) => {
      for (const w of this.pending.values()) w.reject(new Error(`chromium exited (${code}) before answering ${w.method}`));
      this.pending.clear();
    });
  }

  /** Starts headless chromium on a profile (e.g. one where Playwright enrolled the kiosk and its service worker installed). */
  static launch(profileDir: string): DetachedChromium {
    const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profileDir}`, '--remote-debugging-pipe', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new DetachedChromium(proc, proc.stdio[3] as Writable, proc.stdio[4] as Readable);
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /**
   * A new page, its CPU throttled, running `probe` before any of the page's scripts, navigated to
   * `url`; what it gives back is the page's session, for reading the probe's result.
   */
  async open(url: string, cpuThrottle: number, probe: string): Promise<{ targetId: string; sessionId: string }> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    if (cpuThrottle > 1) await this.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle }, sessionId);
    await this.send('Page.enable', {}, sessionId);
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source: probe }, sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    return { targetId, sessionId };
  }

  /** Evaluates an expression in the page without enabling the Runtime domain. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, returnByValue: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(`evaluating ${expression}: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    await this.send('Browser.close').catch(() => undefined);
    await exited;
  }
}
