/** Where a device keeps the addresses of its airport's hub nodes, so it can move to another one even when its own is gone. */
const STORAGE_KEY = 'gatecare.hubs';

function httpAddresses(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((u): u is string => typeof u === 'string' && /^https?:\/\/[^/\s]+$/.test(u));
}

/** The node addresses learnt last time (empty on a device that never asked, or with one hub alone). */
export function storedHubUrls(): string[] {
  try {
    return httpAddresses(JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]'));
  } catch {
    return [];
  }
}

/**
 * Asks the hub that served the app for every node's address (`/api/hubs`) and keeps them. A failed
 * request keeps what was known: this is how a device still finds the others after its node died.
 */
export async function refreshHubUrls(origin: string): Promise<string[]> {
  try {
    const res = await fetch(`${origin}/api/hubs`);
    if (!res.ok) return storedHubUrls();
    const urls = httpAddresses(((await res.json()) as { urls?: unknown }).urls);
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(urls));
    return urls;
  } catch {
    return storedHubUrls();
  }
}
