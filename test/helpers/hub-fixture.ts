import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { RunningHub } from '../../server/app.ts';
import { removeDir, startTestHub, tempDataDir, type TestHubSetup } from './hub.ts';
import { connectDevice, loginToken, type TestDevice } from './socket-clients.ts';
import { enrollKiosk } from './enroll.ts';
import { KIOSK } from './ops.ts';
import type { Actor } from '../../core/index.ts';
import { DEMO_STAFF } from '../../server/demo-airport.ts';

export interface HubFixtureOptions extends TestHubSetup {
  /** A fresh data directory and hub for every test rather than one for the whole file. */
  perTest?: boolean;
}

export interface HubFixture {
  /** The hub now running (a new one after `restart()` or `start()`). */
  readonly hub: RunningHub;
  /** The data directory the hub keeps its files in, the same across restarts. */
  readonly dir: string;
  /** A raw socket.io device on the running hub, closed for the test at the end (or by `closeDevices()`). */
  device(auth: Record<string, unknown>): Promise<TestDevice>;
  closeDevices(): void;
  /** A kiosk enrolled at `gate` by the demo duty manager and connected (closed for you). */
  kiosk(gate?: string, device?: string): Promise<TestDevice>;
  /**
   * A kiosk of its own: enrolled at `gate` under a fresh device id and connected (closed for you), with
   * the actor its operations name and its device token.
   */
  enrolledKiosk(gate?: string): Promise<{ kiosk: TestDevice; me: Actor; token: string }>;
  /** A demo staff member's session token, signed in with their demo PIN. */
  token(staffId?: string): Promise<string>;
  /** A demo staff member's tablet, signed in and connected, optionally watching only some gates (closed for you). */
  staff(staffId?: string, gates?: string[]): Promise<TestDevice>;
  /**
   * Resolves once every operation the hub accepted so far has been pushed and each device has
   * received what it was sent: the barrier before asserting that something did not arrive.
   */
  settled(...devices: TestDevice[]): Promise<void>;
  /** Closes the devices and the hub, keeping its data: what a power cut or a deploy does. */
  stop(): Promise<void>;
  /**
   * Starts the hub again, on the same data directory unless `dataDir` is given; on the port it had,
   * when `samePort`, so that apps already open in a browser reconnect by themselves.
   */
  start(at?: { samePort?: boolean; dataDir?: string }): Promise<RunningHub>;
  /** `stop()` then `start()` on the same data directory. */
  restart(at?: { samePort?: boolean }): Promise<RunningHub>;
}

/**
 * The real hub on a real temporary data directory for the tests of a `describe` (or of each test,
 * with `perTest`), with the vitest hooks that start it and, afterwards, close its devices and the
 * hub and remove the directory. Read `hub` and `dir` inside hooks and tests, never at collection.
 */
export function useTestHub(o: HubFixtureOptions = {}): HubFixture {
  let dir: string | undefined;
  let hub: RunningHub | undefined;
  let port = 0;
  const devices: TestDevice[] = [];

  const running = (): RunningHub => {
    if (!hub) throw new Error('the test hub is not running: read it inside a test or hook, and start() it again after stop()');
    return hub;
  };
  const closeDevices = (): void => {
    for (const d of devices.splice(0)) d.close();
  };
  const stop = async (): Promise<void> => {
    closeDevices();
    const h = hub;
    hub = undefined;
    await h?.close();
  };
  const start = async (at: { samePort?: boolean; dataDir?: string } = {}): Promise<RunningHub> => {
    if (hub) throw new Error('the test hub is already running: stop() it first');
    hub = await startTestHub(at.dataDir ?? dir!, at.samePort ? port : 0, o);
    port = Number(new URL(hub.url).port);
    return hub;
  };

  const device = async (auth: Record<string, unknown>): Promise<TestDevice> => {
    const d = await connectDevice(running().url, auth);
    devices.push(d);
    return d;
  };
  const token = async (staffId = 'A101'): Promise<string> => {
    const member = DEMO_STAFF.find((s) => s.id === staffId);
    if (!member) throw new Error(`${staffId} is not one of the demo staff (server/demo-airport.ts)`);
    return loginToken(running().url, staffId, member.pin);
  };

  (o.perTest ? beforeEach : beforeAll)(async () => {
    dir = await tempDataDir();
    await start();
  });
  (o.perTest ? afterEach : afterAll)(async () => {
    await stop();
    if (dir) await removeDir(dir);
    dir = undefined;
    port = 0;
  });

  return {
    get hub() {
      return running();
    },
    get dir() {
      if (!dir) throw new Error('the test data directory exists only inside tests and hooks');
      return dir;
    },
    device,
    closeDevices,
    async kiosk(gate = 'K32', id = KIOSK.id) {
      return device((await enrollKiosk(running().url, gate, id)).auth);
    },
    async enrolledKiosk(gate = 'K32') {
      const e = await enrollKiosk(running().url, gate);
      return { kiosk: await device(e.auth), me: { kind: 'kiosk', id: e.device }, token: e.token };
    },
    token,
    async staff(staffId = 'A101', gates) {
      return device({ token: await token(staffId), ...(gates && { gates }) });
    },
    async settled(...devices) {
      const hub = running().hub;
      await hub.flush();
      // Pushes of a commit are emitted before flush() resolves; a round trip on the same socket comes after them.
      await Promise.all(devices.map((d) => d.pull(hub.durableSeq)));
    },
    stop,
    start,
    async restart(at = {}) {
      await stop();
      return start(at);
    },
  };
}
