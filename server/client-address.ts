import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Decides whether the peer at `address` (`hop` 0 is the direct peer) is a proxy whose X-Forwarded-For may be believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * Reads GATECARE_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (and proxy-addr's names
 * `loopback`, `linklocal`, `uniquelocal`) of the balancers in front of the hub. Empty: trust none.
 */
export function parseTrustedProxies(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const entries = raw.split(',').map((s) => s.trim());
  for (const entry of entries) {
    try {
      if (!entry) throw new Error('empty entry');
      proxyAddr.compile(entry);
    } catch (e) {
      throw new Error(
        `GATECARE_TRUSTED_PROXIES: "${entry}" is not an address, a range (10.0.0.0/8) or loopback/linklocal/uniquelocal (${(e as Error).message})`,
        { cause: e },
      );
    }
  }
  return entries;
}

/** The trust for `proxies`, or null when none is configured (then the header is never read). */
export function proxyTrust(proxies: readonly string[]): ProxyTrust | null {
  return proxies.length ? proxyAddr.compile([...proxies]) : null;
}

/**
 * The client's address for per-address limits: the direct peer, unless the peer is a trusted
 * proxy, then the address it forwarded (walking X-Forwarded-For back through trusted proxies
 * only, so a client cannot choose its address by sending the header itself).
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust | null): string {
  if (!trust) return req.socket.remoteAddress ?? '';
  return proxyAddr(req, trust);
}
