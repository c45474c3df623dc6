import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useTestHub } from '../helpers/hub-fixture.ts';

function installed(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

const HAPROXY = resolve('deploy/haproxy.cfg');
const NGINX = resolve('deploy/nginx.conf');

describe('the production layout in deploy/ (HAProxy or nginx in front of three hub nodes)', () => {
  const env = useTestHub();

  it('health-checks a path the hub answers with 200, and both configs name the same nodes', async () => {
    const haproxy = await readFile(HAPROXY, 'utf8');
    const nginx = await readFile(NGINX, 'utf8');
    const path = /option httpchk GET (\S+)/.exec(haproxy)?.[1];
    expect(path).toBeDefined();
    expect((await fetch(`${env.hub.url}${path}`)).status).toBe(200);
    const nodes = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]).sort();
    const fromHaproxy = nodes(haproxy, /^\s*server \S+ (\S+) check/gm);
    expect(fromHaproxy).toHaveLength(3);
    expect(nodes(nginx, /^\s*server (\S+) max_fails/gm)).toEqual(fromHaproxy);
  });

  it.skipIf(!installed('haproxy'))('haproxy -c accepts deploy/haproxy.cfg (skipped when haproxy is not installed)', () => {
    execFileSync('haproxy', ['-c', '-f', HAPROXY], { stdio: 'pipe' });
  });

  it.skipIf(!installed('nginx'))('nginx -t accepts deploy/nginx.conf (skipped when nginx is not installed)', async () => {
    const prefix = await mkdtemp(join(tmpdir(), 'gatecare-nginx-'));
    try {
      // Its own prefix and pid file, so the check needs no root and touches no system nginx.
      execFileSync('nginx', ['-t', '-q', '-p', prefix, '-c', NGINX, '-g', `pid ${join(prefix, 'nginx.pid')}; error_log stderr;`], { stdio: 'pipe' });
    } finally {
      await rm(prefix, { recursive: true, force: true });
    }
  });
});
