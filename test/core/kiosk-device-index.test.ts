import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CareRequest } from '../../core/model.ts';
import { deviceMadeKioskRequests } from '../../core/kiosk-device-index.ts';
import { storeRequestInPlace } from '../../core/in-place-writes.ts';
import { plainRequest } from '../helpers/plain-request.ts';

const DEVICES = ['kiosk-1', 'kiosk-2', 'tablet-A101', 'tablet-M201'];
const ACTORS = ['kiosk-1', 'kiosk-2', 'A101', 'M201'];

/** The scan the index replaces (request.create from staff used to read every request), kept as the reference. */
function scan(requests: Record<string, CareRequest>, device: string): boolean {
  return Object.values(requests).some((r) => r.device === device && r.history[0]?.by === r.device);
}

const write = fc.record({
  request: fc.nat(8),
  device: fc.nat(DEVICES.length - 1),
  // Who made it: the device itself (a kiosk), a staff member, or nobody recorded yet.
  firstBy: fc.option(fc.nat(ACTORS.length - 1), { nil: undefined }),
});

function record(w: { request: number; device: number; firstBy: number | undefined }): CareRequest {
  const by = w.firstBy === undefined ? undefined : w.firstBy < 2 ? DEVICES[w.device]! : ACTORS[w.firstBy]!;
  return plainRequest(`r${w.request}`, {
    device: DEVICES[w.device]!,
    history: by === undefined ? [] : [{ at: '2026-11-23T15:00:00.000Z', seq: 1, action: 'received', by }],
  });
}

describe('the devices that made requests as kiosks, from an index', () => {
  it('agree with a scan of every request after any writes in place, whenever first read', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), fc.nat(40), (writes, readAt) => {
        const requests: Record<string, CareRequest> = {};
        writes.forEach((w, i) => {
          if (i === readAt) deviceMadeKioskRequests(requests, DEVICES[0]!);
          // The same id written again with another device or first actor moves between devices.
          storeRequestInPlace(requests, record(w));
          for (const d of DEVICES) expect(deviceMadeKioskRequests(requests, d)).toBe(scan(requests, d));
        });
        const copied = { ...requests };
        for (const d of DEVICES) expect(deviceMadeKioskRequests(copied, d)).toBe(scan(copied, d));
      }),
      { numRuns: 300 },
    );
  });
});
