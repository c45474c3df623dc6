import { afterEach } from 'vitest';
import { DurableJsonFile } from '../../server/durable-json-file.ts';

const FAULTS = {
  /** A full disk. */
  ENOSPC: 'ENOSPC: no space left on device, write',
  /** A failing device. */
  EIO: 'EIO: i/o error, write',
} as const;

/**
 * The store's own fault seam (`DurableJsonFile.beforeWrite`) for the tests of a file: `fail()` makes
 * every write of the hub's files fail as the disk would answer, `heal()` lets them through again,
 * and each test ends healed, so a failing test never leaves the next one on a broken disk.
 */
export function useDiskFaults(): { fail(code?: keyof typeof FAULTS): void; heal(): void } {
  const heal = (): void => {
    DurableJsonFile.beforeWrite = null;
  };
  afterEach(heal);
  return {
    fail(code = 'ENOSPC') {
      DurableJsonFile.beforeWrite = () => {
        throw Object.assign(new Error(FAULTS[code]), { code });
      };
    },
    heal,
  };
}
