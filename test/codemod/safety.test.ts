import { chmod, cp, lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterAll, describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/run.js';
import { ENV_EXAMPLE_BEFORE, FILES_AFTER, FILES_BEFORE, FIXTURE_SECRETS } from './fixture.js';
import { ALL_SECRETS, cli, expectNoSecret, git, gitCommitAll, lines, makeRepo, read, removeRepos, snapshot, T } from './helpers.js';

afterAll(removeRepos);

const isWindows = process.platform === 'win32';

describe('dry run', () => {
  it('writes nothing and its diff and report never hold a secret (nor one already in .env)', async () => {
    const dir = await makeRepo({ ...FILES_BEFORE, '.env': `OLD_SECRET=${T.oldEnv.value}` });
    await gitCommitAll(dir);
    await writeFile(join(dir, 'src/dirty.ts'), 'export {};\n'); // untracked: a dry run never refuses anyway
    await writeFile(join(dir, 'src/octokit.ts'), `${FILES_BEFORE['src/octokit.ts']}// edited\n`); // dirty tree
    const before = await snapshot(dir);
    const run = await cli('--root', dir, '--dry-run');
    expect(run.code).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    expectNoSecret(run.out + run.err, ALL_SECRETS);
    // the diff shows the rewrite, masked values and the env names
    expect(run.out).toContain('+++ b/src/github.ts');
    expect(run.out).toContain('+  auth:    process.env.GITHUB_TOKEN ?? "",   // aligned on purpose');
    expect(run.out).toContain(`-  auth:    "ghp_…${T.github.value.slice(-4)}",   // aligned on purpose`);
    expect(run.out).toContain(`+GITHUB_TOKEN=ghp_…${T.github.value.slice(-4)}`);
    expect(run.out).toContain('+++ b/.env.example');
    expect(run.out).toContain('+++ b/.gitignore');
    expect(run.err).toMatch(/dry run, nothing written/);
    expect(run.err).toMatch(/would move/);
  });

  it('--json: a version 1 report with masked values only', async () => {
    const dir = await makeRepo({ ...FILES_BEFORE, '.env': lines(`OLD_SECRET=${T.oldEnv.value}`) });
    const before = await snapshot(dir);
    const run = await cli('--root', dir, '--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    expectNoSecret(run.out + run.err, ALL_SECRETS);
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({
      version: 1,
      dryRun: true,
      envFiles: { '.gitignore': 'would change', '.env': 'would change', '.env.example': 'would change' },
      summary: { scanned: 11, parsed: expect.any(Number), changed: 8, failed: 0, moved: 8, manual: 0 },
    });
    expect(Object.keys(report).sort()).toEqual(['diff', 'dryRun', 'envFiles', 'envNames', 'files', 'rotate', 'skipped', 'summary', 'version', 'warnings']);
    // the existing .env was written with the umask's mode: secrets would go into a file others can read
    if (process.platform !== 'win32') expect(report.warnings).toEqual([expect.stringMatching(/^\.env is readable by others \(mode 06\d4\): run `chmod 600 \.env`$/)]);
    const github = report.files.find((f: { path: string }) => f.path === join('src', 'github.ts'));
    expect(github).toEqual({
      path: join('src', 'github.ts'),
      status: 'changed',
      secrets: [
        {
          line: 6,
          column: 13,
          provider: 'GitHub',
          what: 'GitHub personal access token',
          masked: `ghp_…${T.github.value.slice(-4)}`,
          envName: 'GITHUB_TOKEN',
          action: 'moved',
        },
      ],
    });
    const stripe = report.files.find((f: { path: string }) => f.path === join('src', 'stripe.ts'));
    expect(stripe.secrets[0]).toMatchObject({ envName: 'STRIPE_KEY', action: 'fallback-removed' });
    expect(report.envNames.map((e: { name: string }) => e.name).sort()).toEqual(['GITHUB_TOKEN', 'GITHUB_TOKEN_2', 'GOOGLE_API_KEY', 'OPENAI_API_KEY', 'SLACK_BOT_TOKEN', 'STRIPE_KEY']);
    expect(report.rotate).toContainEqual({ provider: 'GitHub personal access token', envName: 'GITHUB_TOKEN', where: expect.stringMatching(/^https:\/\//) });
  });

  it('--json after a real run: changed files and env file states', async () => {
    const dir = await makeRepo(FILES_BEFORE);
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(0);
    expectNoSecret(run.out + run.err, FIXTURE_SECRETS);
    const report = JSON.parse(run.out);
    expect(report.dryRun).toBe(false);
    expect(report.diff).toBeUndefined();
    expect(report.envFiles).toEqual({ '.gitignore': 'updated', '.env': 'created', '.env.example': 'updated' });
    expect(report.envNames.every((e: { dotEnv: string; envExample: string }) => e.dotEnv === 'added' && e.envExample === 'added')).toBe(true);
  });
});

describe('git work tree', () => {
  it('refuses a dirty tree (exit 2, nothing written) unless --allow-dirty', async () => {
    const dir = await makeRepo(FILES_BEFORE);
    await gitCommitAll(dir);
    await writeFile(join(dir, 'src/octokit.ts'), `${FILES_BEFORE['src/octokit.ts']}// edited\n`);
    const before = await snapshot(dir);
    const refused = await cli('--root', dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/uncommitted changes.*--allow-dirty/);
    expect(await snapshot(dir)).toEqual(before);
    const forced = await cli('--root', dir, '--allow-dirty');
    expect(forced.code).toBe(0);
    expect(await read(dir, 'src/github.ts')).toBe(FILES_AFTER['src/github.ts']);
  });

  it('runs on a clean tree; the re-run is a no-op even before the changes are committed', async () => {
    const dir = await makeRepo(FILES_BEFORE);
    await gitCommitAll(dir);
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await git(dir, 'status', '--porcelain')).not.toBe('');
    expect(await git(dir, 'check-ignore', '.env')).toBe('.env\n');
    const before = await snapshot(dir);
    const again = await cli('--root', dir);
    expect(again.code).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('files that must not change', () => {
  it('leaves a file with a syntax error byte for byte, reports it (exit 1) and still fixes the others', async () => {
    const broken = lines(`export const token = "${T.github.value}";`, 'const = ;');
    const dir = await makeRepo({ 'src/broken.ts': broken, 'src/ok.ts': lines(`export const t = "${T.github3.value}";`) });
    const run = await cli('--root', dir);
    expect(run.code).toBe(1);
    expect(await readFile(join(dir, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(run.err).toMatch(/src\/broken\.ts:2: does not parse .*left untouched/);
    expect(await read(dir, 'src/ok.ts')).toBe(lines('export const t = process.env.GITHUB_TOKEN ?? "";'));
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github3.value });
    expectNoSecret(run.out + run.err);
  });

  it('keeps CRLF line endings and a BOM', async () => {
    const dir = await makeRepo({
      'crlf.ts': `// a\r\nexport const a = "${T.github.value}";\r\nexport const b = 1;\r\n`,
      'bom.ts': `\uFEFFexport const c = { token: "${T.github.value}" };\n`,
    });
    expect((await cli('--root', dir)).code).toBe(0);
    expect(await readFile(join(dir, 'crlf.ts'), 'utf8')).toBe('// a\r\nexport const a = process.env.GITHUB_TOKEN ?? "";\r\nexport const b = 1;\r\n');
    const bom = await readFile(join(dir, 'bom.ts'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.toString('utf8')).toBe('\uFEFFexport const c = { token: process.env.GITHUB_TOKEN ?? "" };\n');
  });

  it('skips a non-UTF-8 file (listed) and leaves its bytes alone; the token it holds is left for you (exit 1)', async () => {
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\nexport const token = "${T.github.value}";\n`)]);
    const dir = await makeRepo({ 'latin1.ts': latin1 });
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(1);
    expect(await readFile(join(dir, 'latin1.ts'))).toEqual(latin1);
    const report = JSON.parse(run.out);
    expect(report.skipped).toEqual([{ path: 'latin1.ts', reason: 'not UTF-8 text; not changed' }]);
    expect(report.warnings).toEqual([expect.stringMatching(/^latin1\.ts was skipped \(not UTF-8 text\) and may hold a secret/)]);
    expectNoSecret(run.out + run.err);
  });

  it('reports a read-only file (exit 1), leaves it and keeps its value out of .env', async () => {
    const content = lines(`export const token = "${T.github.value}";`);
    const dir = await makeRepo({ 'ro.ts': content, 'rw.ts': lines(`export const t = "${T.github3.value}";`) });
    await chmod(join(dir, 'ro.ts'), 0o444);
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(1);
    expect(await read(dir, 'ro.ts')).toBe(content);
    const report = JSON.parse(run.out);
    expect(report.files.find((f: { path: string }) => f.path === 'ro.ts')).toMatchObject({ status: 'failed', error: expect.stringMatching(/read-only/) });
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github3.value });
    expectNoSecret(run.out + run.err);
  });

  it('does not follow a symlinked file or folder that leads outside the root', async () => {
    if (isWindows) return;
    const outside = await makeRepo({ 'x.ts': lines(`export const t = "${T.github.value}";`), 'dir/y.ts': lines(`export const t = "${T.github.value}";`) });
    const outsideBefore = await snapshot(outside);
    const dir = await makeRepo({ 'src/a.ts': lines('export const a = 1;') });
    await symlink(join(outside, 'x.ts'), join(dir, 'src/link.ts'));
    await symlink(join(outside, 'dir'), join(dir, 'linked'));
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(0);
    expect(await snapshot(outside)).toEqual(outsideBefore);
    // named explicitly: reported, still not followed
    const explicit = await cli('--root', dir, '--json', 'src/link.ts', 'linked');
    expect(explicit.code).toBe(0);
    expect(JSON.parse(explicit.out).skipped).toEqual([
      { path: 'src/link.ts', reason: expect.stringMatching(/outside the project root/) },
      { path: 'linked', reason: expect.stringMatching(/outside the project root/) },
    ]);
    expect(await snapshot(outside)).toEqual(outsideBefore);
  });

  it('skips node_modules, build output and .gitignored files', async () => {
    const secretFile = lines(`export const token = "${T.github.value}";`);
    const dir = await makeRepo({
      'src/a.ts': lines(`export const token = "${T.github3.value}";`),
      'node_modules/pkg/index.js': secretFile,
      'dist/index.js': secretFile,
      'generated/out.ts': secretFile,
      'pkg/.gitignore': lines('local.ts'),
      'pkg/local.ts': secretFile,
      '.gitignore': lines('generated/'),
    });
    expect((await cli('--root', dir)).code).toBe(0);
    for (const p of ['node_modules/pkg/index.js', 'dist/index.js', 'generated/out.ts', 'pkg/local.ts']) expect(await read(dir, p)).toBe(secretFile);
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github3.value });
  });

  // docs/codemod.md, "Left for you": anything in a file that was skipped. A skipped file is never rewritten, but one
  // that may hold a secret (the detector's whole-file prefilter) is named in a warning and the run exits 1.
  it('skips and lists files over 1 MB and minified files; those that may hold a secret are left for you (exit 1)', async () => {
    const big = `export const token = "${T.github.value}";\n${'// padding padding padding padding\n'.repeat(32 * 1024)}`;
    const minified = `var a="${T.github.value}";${'var b=function(c){return c+1};'.repeat(200)}\n`;
    const dir = await makeRepo({ 'big.ts': big, 'vendor/lib.js': minified, 'ok.ts': 'export const x = 1;\n' });
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(1);
    expect(await read(dir, 'big.ts')).toBe(big);
    expect(await read(dir, 'vendor/lib.js')).toBe(minified);
    const report = JSON.parse(run.out);
    expect(report.skipped).toContainEqual({ path: 'big.ts', reason: 'larger than 1 MB' });
    expect(report.skipped).toContainEqual({ path: join('vendor', 'lib.js'), reason: 'minified' });
    expect(report.warnings).toEqual([
      expect.stringMatching(/^vendor\/lib\.js was skipped \(minified\) and may hold a secret/),
      expect.stringMatching(/^big\.ts was skipped \(larger than 1 MB\) and may hold a secret/),
    ]);
    expect(run.err).toMatch(/skipped big\.ts: larger than 1 MB/);
    expect(run.err).not.toMatch(/No hardcoded secrets found/);
    expectNoSecret(run.out + run.err);
  });

  it('skipped files without a possible secret (minified, over 1 MB) leave the run clean (exit 0)', async () => {
    const big = `export const n = 1;\n${'// padding padding padding padding\n'.repeat(32 * 1024)}`;
    const minified = `${'var b=function(c){return c+1};'.repeat(200)}\n`;
    const dir = await makeRepo({ 'big.ts': big, 'vendor/lib.js': minified, 'ok.ts': 'export const x = 1;\n' });
    const run = await cli('--root', dir, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    expect(report.skipped.map((s: { path: string }) => s.path).sort()).toEqual(['big.ts', join('vendor', 'lib.js')]);
    expect(report.warnings).toEqual([]);
    expect((await cli('--root', dir)).err).toMatch(/No hardcoded secrets found/);
  });
});

describe('interrupted runs', () => {
  it('a failure after N writes leaves every file wholly old or wholly new, and a re-run completes the job', async () => {
    // reference: the full result
    const reference = await makeRepo(FILES_BEFORE);
    expect((await runCodemod({ root: reference, paths: [] })).exitCode).toBe(0);
    const done = await snapshot(reference);
    const initial = await snapshot(await makeRepo(FILES_BEFORE));
    // .gitignore, .env, 8 sources, .env.example
    for (const n of [0, 1, 2, 5, 10, 11]) {
      const dir = await makeRepo(FILES_BEFORE);
      const first = await runCodemod({ root: dir, paths: [], failAfterWrites: n });
      expect(first.exitCode).toBe(n === 11 ? 0 : 1);
      expectNoSecret(JSON.stringify(first.report), FIXTURE_SECRETS);
      const mid = await snapshot(dir);
      for (const [path, bytes] of mid) {
        expect([initial.get(path), done.get(path)], `${path} after ${n} writes`).toContain(bytes);
      }
      // the sources never lose a value before .env holds it
      if (n < 2) for (const p of Object.keys(FILES_AFTER)) expect(mid.get(p)).toBe(initial.get(p));
      const second = await runCodemod({ root: dir, paths: [] });
      expect(second.exitCode).toBe(0);
      const after = await snapshot(dir);
      // every file as after an uninterrupted run; .env.example may list the same names in another order
      for (const [path, bytes] of done) if (path !== '.env.example') expect(after.get(path), `${path} after resuming from ${n}`).toBe(bytes);
      expect([...after.keys()]).toEqual([...done.keys()]);
      const example = await read(dir, '.env.example');
      expect(example.startsWith(ENV_EXAMPLE_BEFORE)).toBe(true);
      expect(parse(example)).toEqual(parse(await read(reference, '.env.example')));
      expect((await runCodemod({ root: dir, paths: [] })).report.envFiles).toEqual({ '.gitignore': 'unchanged', '.env': 'unchanged', '.env.example': 'unchanged' });
    }
  });

  it('leaves no temp file behind', async () => {
    const dir = await makeRepo(FILES_BEFORE);
    await runCodemod({ root: dir, paths: [], failAfterWrites: 4 });
    expect([...(await snapshot(dir)).keys()].filter((p) => p.endsWith('.tmp'))).toEqual([]);
  });
});

describe('paths', () => {
  it('only touches the given paths, env files still at the root', async () => {
    const dir = await makeRepo({ 'a/x.ts': lines(`export const t = "${T.github.value}";`), 'b/y.ts': lines(`export const t = "${T.github3.value}";`) });
    expect((await cli('--root', dir, 'a')).code).toBe(0);
    expect(await read(dir, 'a/x.ts')).toBe(lines('export const t = process.env.GITHUB_TOKEN ?? "";'));
    expect(await read(dir, 'b/y.ts')).toBe(lines(`export const t = "${T.github3.value}";`));
    expect(parse(await read(dir, '.env'))).toEqual({ GITHUB_TOKEN: T.github.value });
  });

  it('copies of a repo give the same bytes (deterministic)', async () => {
    const a = await makeRepo(FILES_BEFORE);
    const b = await makeRepo({});
    await cp(a, b, { recursive: true });
    await cli('--root', a);
    await cli('--root', b);
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });
});

describe('a .env that is a dangling symlink', () => {
  it('fails the .env step with a message naming the target: the link stays, and no source loses a value', async () => {
    if (isWindows) return;
    const dir = await makeRepo(FILES_BEFORE);
    await mkdir(join(dir, 'secrets'));
    await symlink('secrets/worker.env', join(dir, '.env'));
    const before = await snapshot(dir);
    const run = await runCodemod({ root: dir, paths: [], allowDirty: true });
    expect(run.exitCode).toBe(1);
    expect(run.report.envFiles['.env']).toBe('failed');
    const after = await snapshot(dir);
    for (const p of Object.keys(FILES_AFTER)) expect(after.get(p), p).toBe(before.get(p));
    expect(after.get('.env')).toBe('symlink');
    expect((await lstat(join(dir, '.env'))).isSymbolicLink()).toBe(true);
    const failed = run.report.files.filter((f) => f.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.error).toMatch(/\.env could not be written \(Could not write .*\.env: it is a symbolic link to .*secrets\/worker\.env, which does not exist/);
    expectNoSecret(JSON.stringify(run.report), FIXTURE_SECRETS);
    // once the target exists, the run goes through the link
    await writeFile(join(dir, 'secrets/worker.env'), '');
    const second = await runCodemod({ root: dir, paths: [], allowDirty: true });
    expect(second.exitCode).toBe(0);
    expect(parse(await read(dir, 'secrets/worker.env'))).toMatchObject({ GITHUB_TOKEN: T.github.value });
    expect((await lstat(join(dir, '.env'))).isSymbolicLink()).toBe(true);
  });
});
