import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../codemods/lock.js';
import { runCodemod } from '../../codemods/run.js';
import { cli, lines, makeRepo, removeRepos, snapshot, T } from './helpers.js';

afterAll(removeRepos);

describe('two runs at once', () => {
  it('a second run refuses (exit 2) while the lock is held, and writes nothing', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    await writeFile(join(dir, LOCK_FILE), '12345\n');
    const before = await snapshot(dir);
    const run = await cli('--root', dir, '--allow-dirty');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/another worker-auth-codemod is running here/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('of two concurrent runs, one does the job and the other refuses; the lock is gone afterwards', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    const results = await Promise.allSettled([
      runCodemod({ root: dir, paths: [], allowDirty: true }),
      runCodemod({ root: dir, paths: [], allowDirty: true }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(String((r as PromiseRejectedResult).reason)).toMatch(/another worker-auth-codemod is running/);
    expect([...(await snapshot(dir)).keys()]).not.toContain(LOCK_FILE);
  });

  it('a dry run takes no lock', async () => {
    const dir = await makeRepo({ 'a.ts': lines(`export const token = "${T.github.value}";`) });
    await writeFile(join(dir, LOCK_FILE), '12345\n');
    expect((await cli('--root', dir, '--dry-run')).code).toBe(0);
  });

  it('--sync-env-example refuses (exit 2) and writes nothing while the lock is held; its dry run takes no lock; it leaves no lock', async () => {
    const dir = await makeRepo({ 'a.ts': lines('export const db = process.env.NOTION_DATABASE_ID;') });
    await writeFile(join(dir, LOCK_FILE), '12345\n');
    const before = await snapshot(dir);
    const refused = await cli('--root', dir, '--sync-env-example');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/another worker-auth-codemod is running here/);
    expect(await snapshot(dir)).toEqual(before);
    expect((await cli('--root', dir, '--sync-env-example', '--dry-run')).code).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    await rm(join(dir, LOCK_FILE));
    expect((await cli('--root', dir, '--sync-env-example')).code).toBe(0);
    expect([...(await snapshot(dir)).keys()].sort()).toEqual(['.env.example', 'a.ts']);
  });
});
