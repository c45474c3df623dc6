import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';
import type { PgStore } from './pg/pg-store.ts';

export const VAPID_FILE = 'push-vapid.json';

const VapidKeys = z.object({ publicKey: z.string().min(80).max(100), privateKey: z.string().min(40).max(50) }).strict();
export type VapidKeys = z.infer<typeof VapidKeys>;

/**
 * The hub's VAPID keys (Web Push): made at first start and kept in the data directory, readable by
 * the hub's user only, so subscriptions phones made stay valid across restarts.
 */
export async function loadVapidKeys(dataDir: string): Promise<VapidKeys> {
  const file = join(dataDir, VAPID_FILE);
  const kept = await readVapidKeys(dataDir);
  if (kept) return kept;
  const keys = webpush.generateVAPIDKeys();
  // A fresh data directory may not exist yet.
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify(keys), { mode: 0o600, flush: true });
  await chmod(temp, 0o600);
  await rename(temp, file);
  return keys;
}

/** The keys kept in a data directory, or null when it has none (a hub never started there). */
export async function readVapidKeys(dataDir: string): Promise<VapidKeys | null> {
  const file = join(dataDir, VAPID_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
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

/**
 * Several nodes of one airport sign with one key pair, kept in the airport's meta in PostgreSQL:
 * a phone subscribed through one node must accept a push sent by any other.
 */
export async function loadSharedVapidKeys(store: PgStore): Promise<VapidKeys> {
  const stored = await store.metaOnce('vapid', webpush.generateVAPIDKeys());
  const keys = VapidKeys.safeParse(stored);
  if (!keys.success) throw new Error(`the Web Push keys of ${store.file} (meta -> 'vapid') are damaged: restore them from a backup`);
  return keys.data;
}
