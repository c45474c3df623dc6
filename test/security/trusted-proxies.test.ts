import { describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { configFromEnv } from '../../server/config.ts';
import { parseTrustedProxies } from '../../server/client-address.ts';

const LIMITS = { signInPerMinute: 3, connectionsPerAddress: 2 };
// Documentation addresses (RFC 5737): only ever written in a header here, never connected to.
const DEVICE_A = '192.0.2.10';
const DEVICE_B = '198.51.100.20';

/** Sign-in attempts "from" `forwardedFor` until refused; the number that got through. */
async function signInsAllowed(url: string, forwardedFor: string, tries: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < tries; i++) {
    const r = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ staffId: `B${100 + i}`, pin: '0000' }),
    });
    if (r.status !== 429) allowed++;
  }
  return allowed;
}

/** A staff socket whose handshake carries X-Forwarded-For; resolves to null once connected, else to the refusal. */
async function socketFrom(url: string, token: string, forwardedFor: string, opened: Array<() => void>): Promise<string | null> {
  const socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': forwardedFor },
  });
  opened.push(() => socket.close());
  return new Promise((done) => {
    socket.once('connect', () => done(null));
    socket.once('connect_error', (e) => done(e.message));
  });
}

describe('behind a trusted balancer (GATECARE_TRUSTED_PROXIES) the limits are per device, from X-Forwarded-For', () => {
  // The tests' own connections come from loopback: here loopback plays the balancer.
  const env = useTestHub({ perTest: true, config: { trustedProxies: ['127.0.0.1', '::1'] }, options: { limits: LIMITS } });

  it('sign-ins: one device over its limit is refused while another device behind the same balancer still signs in', async () => {
    expect(await signInsAllowed(env.hub.url, DEVICE_A, LIMITS.signInPerMinute + 2)).toBe(LIMITS.signInPerMinute);
    expect(await signInsAllowed(env.hub.url, DEVICE_B, 1)).toBe(1);
    // Device A sends its own header naming B; the balancer appends the address it saw (A): A is the one counted.
    expect(await signInsAllowed(env.hub.url, `${DEVICE_B}, ${DEVICE_A}`, 1)).toBe(0);
  });

  it('sockets: the per-address cap counts each forwarded device on its own', async () => {
    const opened: Array<() => void> = [];
    try {
      const token = await env.token('A101');
      expect(await socketFrom(env.hub.url, token, DEVICE_A, opened)).toBeNull();
      expect(await socketFrom(env.hub.url, token, DEVICE_A, opened)).toBeNull();
      expect(await socketFrom(env.hub.url, token, DEVICE_A, opened)).toMatch(/too many connections from this address/);
      expect(await socketFrom(env.hub.url, token, DEVICE_B, opened)).toBeNull();
    } finally {
      for (const close of opened) close();
    }
  });
});

describe('without trusted proxies, or from a peer that is not one, X-Forwarded-For is ignored', () => {
  const untrusted = useTestHub({ perTest: true, options: { limits: LIMITS } });

  it('a client cannot escape its limit by naming another address in the header', async () => {
    const opened: Array<() => void> = [];
    // One sign-in of the limit's three, from this peer.
    const token = await untrusted.token('A101');
    try {
      expect(await socketFrom(untrusted.hub.url, token, DEVICE_A, opened)).toBeNull();
      expect(await socketFrom(untrusted.hub.url, token, DEVICE_B, opened)).toBeNull();
      expect(await socketFrom(untrusted.hub.url, token, '203.0.113.30', opened)).toMatch(/too many connections from this address/);
    } finally {
      for (const close of opened) close();
    }
    expect(await signInsAllowed(untrusted.hub.url, DEVICE_A, LIMITS.signInPerMinute)).toBe(LIMITS.signInPerMinute - 1);
    expect(await signInsAllowed(untrusted.hub.url, DEVICE_B, 2)).toBe(0);
  });
});

describe('a hub that trusts only another balancer ignores the header from this peer', () => {
  const other = useTestHub({ perTest: true, config: { trustedProxies: ['192.0.2.99'] }, options: { limits: LIMITS } });

  it('forwarded addresses from an untrusted peer do not split its limit', async () => {
    expect(await signInsAllowed(other.hub.url, DEVICE_A, LIMITS.signInPerMinute)).toBe(LIMITS.signInPerMinute);
    expect(await signInsAllowed(other.hub.url, DEVICE_B, 1)).toBe(0);
  });
});

describe('GATECARE_TRUSTED_PROXIES is read strictly', () => {
  it('takes addresses, ranges and names; refuses anything else with the entry named', () => {
    expect(parseTrustedProxies(' 10.0.0.0/8, 127.0.0.1 ,loopback,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback', '::1']);
    expect(configFromEnv({ GATECARE_TRUSTED_PROXIES: '10.1.2.3' }).trustedProxies).toEqual(['10.1.2.3']);
    expect(configFromEnv({}).trustedProxies).toBeUndefined();
    expect(() => configFromEnv({ GATECARE_TRUSTED_PROXIES: '10.1.2.3,balancer.internal' })).toThrow(/"balancer.internal" is not an address/);
    expect(() => parseTrustedProxies('10.0.0.0/99')).toThrow(/"10.0.0.0\/99"/);
    expect(() => parseTrustedProxies('10.0.0.1,,10.0.0.2')).toThrow(/"" is not an address/);
  });
});
