import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OfflineRisk } from '../../../core/offline-risk.ts';
import type { OutletVoucher } from '../hub-api.ts';

/*
 * What the outlet keeps on the device for working offline (IndexedDB, so it survives a reload):
 * the vouchers it looked up while online, which scan found which, its offline limit as the hub last
 * said, and every receipt it wrote offline, with the hub's answer once it came (kept: the limit of
 * once per voucher counts what was already sent).
 */

/** A receipt written offline. `queued` until the hub answered; never removed before that. */
export interface OfflineReceipt {
  redemptionId: string;
  voucherId: string;
  code: string;
  kind: OutletVoucher['kind'];
  currency: string;
  amountCents: number;
  /** What was left as the outlet knew it, after this spend. */
  remainingCents: number;
  at: string;
  outletName: string;
  reference: string;
  state: 'queued' | 'accepted' | 'refused';
  /** The hub's answer: the value it found spent twice, or why it refused. */
  overspendCents?: number;
  error?: string;
}

export interface CachedVoucher {
  voucher: OutletVoucher;
  seenAt: string;
}

interface OutletDb extends DBSchema {
  vouchers: { key: string; value: CachedVoucher };
  scans: { key: string; value: { scan: string; voucherIds: string[] } };
  receipts: { key: string; value: OfflineReceipt; indexes: { state: string } };
  meta: { key: string; value: { key: string; risk: OfflineRisk; outletId: string } };
}

let db: Promise<IDBPDatabase<OutletDb>> | null = null;

function open(): Promise<IDBPDatabase<OutletDb>> {
  db ??= openDB<OutletDb>('gatecare-outlet', 1, {
    upgrade(d) {
      d.createObjectStore('vouchers', { keyPath: 'voucher.voucherId' });
      d.createObjectStore('scans', { keyPath: 'scan' });
      d.createObjectStore('receipts', { keyPath: 'redemptionId' }).createIndex('state', 'state');
      d.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  return db;
}

/** The same scan typed or read twice finds the same entry: spaces and case do not matter for codes. */
export function scanKey(scan: string): string {
  const code = /GC-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(scan.toUpperCase())?.[0];
  return code ?? scan.trim();
}

export async function rememberLookup(scan: string, vouchers: OutletVoucher[], at: string): Promise<void> {
  const d = await open();
  const tx = d.transaction(['vouchers', 'scans'], 'readwrite');
  for (const v of vouchers) {
    void tx.objectStore('vouchers').put({ voucher: v, seenAt: at });
    void tx.objectStore('scans').put({ scan: scanKey(v.code), voucherIds: [v.voucherId] });
  }
  void tx.objectStore('scans').put({ scan: scanKey(scan), voucherIds: vouchers.map((v) => v.voucherId) });
  await tx.done;
}

export async function cachedLookup(scan: string): Promise<CachedVoucher[]> {
  const d = await open();
  const entry = await d.get('scans', scanKey(scan));
  if (!entry) return [];
  const found = await Promise.all(entry.voucherIds.map((id) => d.get('vouchers', id)));
  return found.filter((c): c is CachedVoucher => c !== undefined);
}

export async function saveRisk(outletId: string, risk: OfflineRisk): Promise<void> {
  await (await open()).put('meta', { key: 'risk', risk, outletId });
}

/** The limit the hub last gave this outlet; off when it never said (or said it for another outlet). */
export async function savedRisk(outletId: string): Promise<OfflineRisk> {
  const m = await (await open()).get('meta', 'risk');
  return m && m.outletId === outletId ? m.risk : { mode: 'off' };
}

export async function allReceipts(): Promise<OfflineReceipt[]> {
  return (await (await open()).getAll('receipts')).sort((a, b) => a.at.localeCompare(b.at));
}

export async function queuedReceipts(): Promise<OfflineReceipt[]> {
  return (await (await open()).getAllFromIndex('receipts', 'state', 'queued')).sort((a, b) => a.at.localeCompare(b.at));
}

export async function putReceipt(r: OfflineReceipt): Promise<void> {
  await (await open()).put('receipts', r);
}
