/**
 * CPU time of the calling thread, in milliseconds: what the hub's event-loop thread itself spent.
 *
 * `process.cpuUsage()` counts every thread of the process: V8's helper threads (concurrent marking and
 * sweeping, whose work follows the heap's size rather than the operation, and background compilation)
 * and libuv's pool. An operation's handler, reducer, journal write and acknowledgement all run on the
 * main thread, so that thread's time is the operation's cost. Linux keeps it per thread in nanoseconds
 * (`/proc/thread-self/schedstat`, first field: time on a CPU); elsewhere there is no such figure and
 * this answers null.
 */
import { readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

function read(): number | null {
  try {
    const ns = Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/** Whether this platform gives the main thread's own CPU time. */
export const threadCpuAvailable = read() !== null;

/** The calling thread's CPU time so far (ms), or null where the platform does not tell it. */
export function threadCpuMs(): number | null {
  return threadCpuAvailable ? read() : null;
}
