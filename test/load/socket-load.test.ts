import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/load-sockets.ts';

describe('socket load, short CI version of `npm run load`', () => {
  it('holds 200 connections with steady traffic: none dropped, every operation acknowledged, hub memory flat', async () => {
    const report = await runLoad({ connections: 200, seconds: 15, rate: 5 });
    console.log(`socket load: ${JSON.stringify(report)}`);
    expect(report.problems).toEqual([]);
    expect(report.connections).toBe(200);
    expect(report.drops).toBe(0);
    expect(report.connectFailures).toBe(0);
    expect(report.ackTimeouts).toBe(0);
    expect(report.refused).toBe(0);
    expect(report.operations).toBeGreaterThan(100);
    expect(report.pushes).toBeGreaterThan(report.operations);
  }, 240_000);
});
