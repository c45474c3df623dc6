import type { StoredData } from '../store.ts';

/** The maps of StoredData that hubs change, each by key; everything else is written once, at creation. */
const MAPS = ['credentials', 'revoked.staff', 'revoked.kiosks', 'kioskDevices'] as const;
type MapPath = (typeof MAPS)[number];

/** One key of one map set (or removed, when `value` is undefined) by this hub since it last read the database. */
export interface MetaChange {
  map: MapPath;
  key: string;
  value: unknown;
}

function mapAt(data: StoredData, path: MapPath): Record<string, unknown> | undefined {
  if (path === 'revoked.staff') return data.revoked?.staff;
  if (path === 'revoked.kiosks') return data.revoked?.kiosks;
  return data[path];
}

function mapFor(data: StoredData, path: MapPath): Record<string, unknown> {
  if (path === 'revoked.staff' || path === 'revoked.kiosks') {
    data.revoked ??= { staff: {}, kiosks: {} };
    return path === 'revoked.staff' ? data.revoked.staff : data.revoked.kiosks;
  }
  if (path === 'kioskDevices') return (data.kioskDevices ??= {});
  return data.credentials;
}

/** What `local` changed since `base`, key by key: another hub may have changed other keys meanwhile. */
export function metaChanges(base: StoredData, local: StoredData): MetaChange[] {
  const out: MetaChange[] = [];
  for (const map of MAPS) {
    const before = mapAt(base, map) ?? {};
    const after = mapAt(local, map) ?? {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push({ map, key, value: after[key] });
    }
  }
  return out;
}

/** `stored` (what the database holds now) with `changes` laid over it; `stored` is not changed. */
export function withChanges(stored: StoredData, changes: MetaChange[]): StoredData {
  const next = structuredClone(stored);
  for (const c of changes) {
    const m = mapFor(next, c.map);
    if (c.value === undefined) delete m[c.key];
    else m[c.key] = c.value;
  }
  return next;
}
