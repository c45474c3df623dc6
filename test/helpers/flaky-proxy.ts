import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP hop between one device and the hub that the test can break on purpose:
 * cut every connection, refuse new ones (network down), or swallow what the hub
 * sends back (answers lost on the way) before cutting. Follows the hub when it moves port.
 */
export class FlakyProxy {
  private readonly server: Server;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket; swallow: boolean; held: Buffer[] | null }>();
  private down = false;
  port = 0;

  private constructor(private target: number) {
    this.server = createServer((client) => this.accept(client));
  }

  static async start(targetPort: number): Promise<FlakyProxy> {
    const p = new FlakyProxy(targetPort);
    await new Promise<void>((resolve) => p.server.listen(0, '127.0.0.1', resolve));
    p.port = (p.server.address() as { port: number }).port;
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  retarget(port: number): void {
    this.target = port;
  }

  /** Network down: current connections die and new ones are refused until `setDown(false)`. */
  setDown(down: boolean): void {
    this.down = down;
    if (down) this.cut();
  }

  cut(): void {
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Whatever the hub sends for the next `ms` is lost, then the connection drops: acknowledgements never arrive. */
  async loseAnswers(ms: number): Promise<void> {
    for (const p of this.pairs) p.swallow = true;
    await new Promise((r) => setTimeout(r, ms));
    this.cut();
  }

  /** What the hub sends is kept back until `releaseAnswers()`: a slow link that then delivers a burst. */
  holdAnswers(): void {
    for (const p of this.pairs) p.held ??= [];
  }

  /** Everything kept back arrives at once, in one write, as a congested link delivers it. */
  releaseAnswers(): void {
    for (const p of this.pairs) {
      if (p.held?.length) p.client.write(Buffer.concat(p.held));
      p.held = null;
    }
  }

  /** Bytes the hub has sent that are being kept back. */
  heldBytes(): number {
    let n = 0;
    for (const p of this.pairs) for (const b of p.held ?? []) n += b.length;
    return n;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = connect(this.target, '127.0.0.1');
    const pair: { client: Socket; upstream: Socket; swallow: boolean; held: Buffer[] | null } = { client, upstream, swallow: false, held: null };
    this.pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      if (pair.swallow) return;
      if (pair.held) pair.held.push(Buffer.from(d));
      else client.write(d);
    });
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  }
}
