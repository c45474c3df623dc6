import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';

export const VAPID_FILE = 'push-vapid.json';

const VapidKeys = z.object({ publicKey: z.string().min(80).max(100), privateKey: z.string().min(40).max(50) }).strict();
export type VapidKeys = z.infer<typeof VapidKeys>;

/**
 * The hub's VAPID keys (Web Push): made at first start and kept in the data directory, readable by
 * the hub's user only, so subscriptions phones made stay valid across restarts.
 */
export async function loadVapidKeys(dataDir: string): Promise<VapidKeys> {
  const file = join(dataDir, VAPID_FILE);
  let raw: string | null = null;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (raw !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const keys = VapidKeys.safeParse(parsed);
    // New keys would silently cut off every phone subscribed: stop and say so instead.
    if (!keys.success) throw new Error(`${file} is damaged: restore it from a backup, or delete it to make new keys (phones then subscribe again)`);
    return keys.data;
  }
  const keys = webpush.generateVAPIDKeys();
  // A node on PostgreSQL keeps nothing else on disk, so its directory may not exist yet.
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify(keys), { mode: 0o600, flush: true });
  await chmod(temp, 0o600);
  await rename(temp, file);
  return keys;
}
