/**
 * Held-out checks of the `worker-auth-codemod` command line as a demanding user meets it, held to docs/codemod.md
 * (options table, exit codes table, "Good to know"). The built CLI runs as a child process
 * (`node dist/src/cli/codemod.js`) in temp folders; tokens are generated at run time by test/support/fake-tokens.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeToken } from '../support/fake-tokens.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli/codemod.js', import.meta.url));
const DOCS = readFileSync(fileURLToPath(new URL('../../docs/codemod.md', import.meta.url)), 'utf8');

interface Planted {
  readonly value: string;
  readonly prefix: string;
}
const plant = (formatId: string, seed: number, prefix: string): Planted => {
  const value = fakeToken(formatId, seed);
  if (!value.startsWith(prefix)) throw new Error(`fixture: ${formatId} does not start with ${prefix}`);
  return { value, prefix };
};
const S = {
  gh: plant('github-classic-pat', 9101, 'ghp_'),
  gh2: plant('github-classic-pat', 9102, 'ghp_'),
  stripe: plant('stripe-secret-key', 9103, 'sk_live_'),
  openai: plant('openai-project-key', 9104, 'sk-proj-'),
};
const mask = (s: Planted): string => `${s.prefix}…${s.value.slice(-4)}`;

/** Every output of every run, for the final "nothing beyond the mask" check. */
const OUTPUTS: string[] = [];

/** No output holds more of a planted secret than its mask: no 5-character run of the random part (4 are allowed). */
function expectMasked(text: string): void {
  for (const s of Object.values(S)) {
    expect(text.includes(s.value), 'a whole secret was printed').toBe(false);
    const body = s.value.slice(s.prefix.length);
    for (let i = 0; i + 5 <= body.length; i++) {
      if (text.includes(body.slice(i, i + 5))) throw new Error(`output holds 5 characters of a secret past its prefix (at ${i}): more than the mask`);
    }
  }
}

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}
function run(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}): Run {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: childEnv as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  const res = { code: r.status, out: r.stdout, err: r.stderr };
  OUTPUTS.push(res.out, res.err);
  return res;
}
const firstLine = (text: string): string => text.split('\n')[0]!;

const dirs: string[] = [];
async function repo(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wa-cli-heldout-'));
  dirs.push(dir);
  for (const [p, c] of Object.entries(files)) {
    await mkdir(dirname(join(dir, p)), { recursive: true });
    await writeFile(join(dir, p), c);
  }
  return dir;
}
afterAll(async () => {
  for (const d of dirs.splice(0)) {
    await rm(d, { recursive: true, force: true });
  }
});

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
function commitAll(dir: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(relative(dir, p), `${((await lstat(p)).mode & 0o777).toString(8)}:${(await readFile(p)).toString('base64')}`);
    }
  };
  await walk(dir);
  return out;
}
const read = (dir: string, p: string): Promise<string> => readFile(join(dir, p), 'utf8');
const src = (name: string, s: Planted): string => `export const ${name} = "${s.value}";\n`;

/** The flags of the options table in docs/codemod.md. */
const DOC_FLAGS = [...DOCS.matchAll(/^\| `-.*$/gm)].flatMap((m) => [...m[0].split(/ \| /)[0]!.matchAll(/`(-{1,2}[a-z-]+)/g)].map((f) => f[1]!));

describe('--help', () => {
  it('exits 0, prints on stdout only, and lists every flag of the docs options table', async () => {
    expect(DOC_FLAGS).toEqual(expect.arrayContaining(['--dry-run', '--json', '--allow-dirty', '--root', '--test-files', '--allow-pattern', '--ignore-provider', '--sync-env-example', '--check', '-h', '--help']));
    const cwd = await repo({});
    const r = run(cwd, ['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const flag of DOC_FLAGS) expect(r.out, flag).toMatch(new RegExp(`(^|[\\s,])${flag}(?![a-z-])`, 'm'));
    for (const value of ['all', 'high-confidence', 'off']) expect(r.out).toContain(value);
    const short = run(cwd, ['-h']);
    expect(short).toEqual({ code: 0, out: r.out, err: '' });
    expect(await snapshot(cwd)).toEqual(new Map());
  });
});

describe('bad usage: exit 2, a one-line error naming the flag, nothing written', () => {
  it('an unknown (mistyped) flag', async () => {
    const dir = await repo({ 'a.ts': src('t', S.gh) });
    const before = await snapshot(dir);
    const r = run(dir, ['--dryrun']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(firstLine(r.err)).toMatch(/^worker-auth-codemod: .*'--dryrun'/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each(['--root', '--test-files', '--allow-pattern', '--ignore-provider'])('%s without its value (last on the line)', async (flag) => {
    const dir = await repo({ 'a.ts': src('t', S.gh) });
    const before = await snapshot(dir);
    const r = run(dir, [flag]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(firstLine(r.err)).toMatch(new RegExp(`^worker-auth-codemod: .*${flag}\\b.*missing`));
    expect(await snapshot(dir)).toEqual(before);
  });

  it('--root followed by another flag instead of a folder', async () => {
    const dir = await repo({ 'a.ts': src('t', S.gh) });
    const before = await snapshot(dir);
    const r = run(dir, ['--root', '--dry-run']);
    expect(r.code).toBe(2);
    expect(firstLine(r.err)).toMatch(/^worker-auth-codemod: .*'--root'/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a value given to a boolean flag (--dry-run=yes)', async () => {
    const dir = await repo({ 'a.ts': src('t', S.gh) });
    const before = await snapshot(dir);
    const r = run(dir, ['--dry-run=yes']);
    expect(r.code).toBe(2);
    expect(firstLine(r.err)).toMatch(/^worker-auth-codemod: .*'--dry-run'/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a --test-files value outside all|high-confidence|off names the flag and its choices', async () => {
    const dir = await repo({ 'a.ts': src('t', S.gh) });
    const r = run(dir, ['--test-files', 'ALL']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--test-files.*all.*high-confidence.*off/);
  });

  it('an --allow-pattern that does not compile (docs: "a usage error (exit 2)"), also when it is the second one and in --check mode', async () => {
    const dir = await repo({ 'a.ts': src('t', S.gh) });
    const before = await snapshot(dir);
    for (const args of [['--allow-pattern', '(unclosed'], ['--allow-pattern', '^ok$', '--allow-pattern', '[z-a]'], ['--check', '--allow-pattern', '*'], ['--dry-run', '--json', '--allow-pattern', '(']]) {
      const r = run(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out, args.join(' ')).toBe('');
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(/^worker-auth-codemod: --allow-pattern\b/);
    }
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('--root and path arguments', () => {
  it('a --root that does not exist: exit 2, one line naming it, nothing created', async () => {
    const cwd = await repo({});
    const r = run(cwd, ['--root', 'no-such-root']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('no-such-root');
    expect(await snapshot(cwd)).toEqual(new Map());
  });

  it('a --root that is a file: exit 2, one line naming it, the file untouched', async () => {
    const cwd = await repo({ 'root.ts': src('t', S.gh) });
    const before = await snapshot(cwd);
    const r = run(cwd, ['--root', 'root.ts']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('root.ts');
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('--root is relative to the working directory, and paths are relative to --root (not to the cwd)', async () => {
    const cwd = await repo({ 'proj/src/a.ts': src('a', S.gh), 'src/other.ts': src('b', S.stripe) });
    const r = run(cwd, ['--root', 'proj', 'src']);
    expect(r.code).toBe(0);
    expect(await read(cwd, 'proj/src/a.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
    expect(await read(cwd, 'src/other.ts')).toBe(src('b', S.stripe));
    expect(await read(cwd, 'proj/.env')).toMatch(new RegExp(`^GITHUB_TOKEN=${S.gh.value}$`, 'm'));
  });

  it('a path outside the root is not processed: the file stays, nothing is written, and it is reported', async () => {
    const cwd = await repo({ 'proj/a.ts': 'export const a = 1;\n', 'outside.ts': src('o', S.gh) });
    const before = await snapshot(cwd);
    for (const p of ['../outside.ts', join(cwd, 'outside.ts')]) {
      const r = run(cwd, ['--root', 'proj', p]);
      expect(r.code, p).not.toBe(1);
      expect(r.err, p).toMatch(/outside\.ts.*outside the project root/);
    }
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('an absolute path inside the root is accepted', async () => {
    const dir = await repo({ 'src/a.ts': src('a', S.gh), 'b.ts': src('b', S.stripe) });
    const r = run(tmpdir(), ['--root', dir, join(dir, 'src')]);
    expect(r.code).toBe(0);
    expect(await read(dir, 'src/a.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
    expect(await read(dir, 'b.ts')).toBe(src('b', S.stripe));
  });
});

describe('git work tree (docs: "Commit first")', () => {
  it('a modified tracked file: refused with exit 2, a message naming --allow-dirty, nothing on stdout, nothing written', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh), 'b.ts': 'export const b = 1;\n' });
    commitAll(dir);
    await writeFile(join(dir, 'b.ts'), 'export const b = 2;\n');
    const before = await snapshot(dir);
    const r = run(dir, []);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/uncommitted changes/);
    expect(r.err).toMatch(/--allow-dirty/);
    expect(await snapshot(dir)).toEqual(before);
    const forced = run(dir, ['--allow-dirty']);
    expect(forced.code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
  });

  it('a staged but uncommitted change is refused too; --json refused prints no partial report', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh), 'b.ts': 'export const b = 1;\n' });
    commitAll(dir);
    await writeFile(join(dir, 'b.ts'), 'export const b = 2;\n');
    git(dir, 'add', 'b.ts');
    const before = await snapshot(dir);
    const r = run(dir, ['--json']);
    expect(r.code).toBe(2);
    if (r.out !== '') JSON.parse(r.out); // stdout is empty or one JSON document, never half a report
    expect(r.err).toMatch(/uncommitted changes/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('untracked files do not count as changes', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh) });
    commitAll(dir);
    await writeFile(join(dir, 'notes.txt'), 'scratch\n');
    const r = run(dir, []);
    expect(r.code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
  });

  it('a run with nothing to write never refuses, and a --dry-run of a dirty tree is not refused', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh), 'b.ts': 'export const b = 1;\n' });
    commitAll(dir);
    await writeFile(join(dir, 'b.ts'), 'export const b = 2;\n');
    const before = await snapshot(dir);
    const dry = run(dir, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^--- a\/a\.ts\s*$/m);
    expect(await snapshot(dir)).toEqual(before);
    const clean = await repo({ 'a.ts': 'export const a = process.env.GITHUB_TOKEN ?? "";\n' });
    commitAll(clean);
    await writeFile(join(clean, 'a.ts'), 'export const a = process.env.GITHUB_TOKEN ?? "x";\n');
    expect(run(clean, []).code).toBe(0);
  });

  it('outside a git repository there is no check: it writes without --allow-dirty', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh) });
    const r = run(dir, [], { GIT_CEILING_DIRECTORIES: dirname(dir) });
    expect(r.code).toBe(0);
    expect(await read(dir, 'a.ts')).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
    expect(await read(dir, '.env')).toMatch(new RegExp(`^GITHUB_TOKEN=${S.gh.value}$`, 'm'));
    expect(((await lstat(join(dir, '.env'))).mode & 0o777).toString(8)).toBe('600');
  });
});

describe('--json', () => {
  const KEYS = ['envFiles', 'envNames', 'files', 'rotate', 'skipped', 'summary', 'version', 'warnings'];

  it('stdout is exactly one JSON document even when files fail (syntax error, read-only); exit 1; the others are done', async () => {
    const dir = await repo({
      'ok.ts': src('ok', S.gh),
      'broken.ts': `export const t = "${S.stripe.value}";\nexport const = ;\n`,
      'ro.ts': src('ro', S.openai),
    });
    await chmod(join(dir, 'ro.ts'), 0o444);
    const r = run(dir, ['--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as Record<string, unknown> & { files: { path: string; status: string; error?: string }[] };
    expect(r.out.trimEnd().startsWith('{') && r.out.trimEnd().endsWith('}')).toBe(true);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(KEYS));
    expect(doc).not.toHaveProperty('diff');
    expect(doc.version).toBe(1);
    const byPath = Object.fromEntries(doc.files.map((f) => [f.path, f]));
    expect(byPath['broken.ts']).toMatchObject({ status: 'failed' });
    expect(byPath['ro.ts']).toMatchObject({ status: 'failed', error: expect.stringMatching(/read-only/) });
    expect(byPath['ok.ts']).toMatchObject({ status: 'changed' });
    expect(await read(dir, 'ok.ts')).toBe('export const ok = process.env.GITHUB_TOKEN ?? "";\n');
    expect(await read(dir, 'ro.ts')).toBe(src('ro', S.openai));
    expect(r.err).toMatch(/ro\.ts.*read-only/);
    expect(r.out).toContain(mask(S.gh));
    expectMasked(r.out + r.err);
  });

  it('--dry-run --json: one document with the diff (masked), nothing written, no human diff on stdout', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh), 'b.ts': src('b', S.stripe) });
    const before = await snapshot(dir);
    const r = run(dir, ['--dry-run', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { diff: string; files: unknown[] };
    expect(Object.keys(doc)).toEqual(expect.arrayContaining([...KEYS, 'diff']));
    expect(typeof doc.diff).toBe('string');
    expect(doc.diff).toContain(`-export const a = "${mask(S.gh)}";`);
    expect(doc.diff).toContain('+export const a = process.env.GITHUB_TOKEN ?? "";');
    expect(doc.files).toHaveLength(2);
    expect(await snapshot(dir)).toEqual(before);
    expectMasked(r.out + r.err);
  });

  it('nothing to do: still one document, exit 0', async () => {
    const dir = await repo({ 'a.ts': 'export const a = 1;\n' });
    const r = run(dir, ['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ version: 1, files: [] });
  });
});

describe('--check', () => {
  it('exit 0 for a clean repo, exit 1 when .env is not ignored or .env.example holds a secret; --json is one document', async () => {
    const dir = await repo({ '.gitignore': '.env\n.env.*\n!.env.example\n', '.env': `GITHUB_TOKEN=${S.gh.value}\n`, '.env.example': 'GITHUB_TOKEN=\n', 'a.ts': 'export const a = process.env.GITHUB_TOKEN;\n' });
    commitAll(dir);
    const ok = run(dir, ['--check']);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('');
    const okJson = run(dir, ['--check', '--json']);
    expect(okJson.code).toBe(0);
    expect(JSON.parse(okJson.out)).toMatchObject({ version: 1 });

    await writeFile(join(dir, '.env.example'), `GITHUB_TOKEN=\r\nSTRIPE_SECRET_KEY=${S.stripe.value}\r\n`);
    const bad = run(dir, ['--check', '--json']);
    expect(bad.code).toBe(1);
    const doc = JSON.parse(bad.out) as { check: { findings: { masked?: string }[] } };
    expect(doc.check.findings.map((f) => f.masked)).toContain(mask(S.stripe));
    expectMasked(bad.out + bad.err);

    const unignored = await repo({ '.env': `GITHUB_TOKEN=${S.gh.value}\n`, 'a.ts': 'export {};\n' });
    commitAll(unignored);
    const r = run(unignored, ['--check']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.env/);
    expectMasked(r.out + r.err);
  });

  it('--check never writes', async () => {
    const dir = await repo({ '.env': `GITHUB_TOKEN=${S.gh.value}\n`, 'a.ts': src('a', S.gh2) });
    const before = await snapshot(dir);
    run(dir, ['--check']);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('--sync-env-example', () => {
  it('adds the missing names without values, keeps the CRLF file byte for byte, and never copies a value from .env', async () => {
    const example = '# keys\r\nEXISTING=\r\n';
    const dir = await repo({ '.env.example': example, '.env': `NEW_ONE=${S.gh.value}\nEXISTING=x\n`, 'src/a.ts': 'export const a = [process.env.EXISTING, process.env.NEW_ONE, process.env.OTHER];\n' });
    const r = run(dir, ['--sync-env-example']);
    expect(r.code).toBe(0);
    const after = await read(dir, '.env.example');
    expect(after.startsWith(example)).toBe(true);
    const added = after.slice(example.length);
    expect(added).toMatch(/^NEW_ONE=\r?$/m);
    expect(added).toMatch(/^OTHER=\r?$/m);
    expect(added).not.toMatch(/^EXISTING=/m);
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // the added lines use CRLF too
    expect(after).not.toContain(S.gh.value);
    expectMasked(r.out + r.err);
  });

  it('--sync-env-example --dry-run --json: one document, nothing written', async () => {
    const dir = await repo({ 'src/a.ts': 'export const a = process.env.ONLY_NAME;\n' });
    const before = await snapshot(dir);
    const r = run(dir, ['--sync-env-example', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { version: number; syncEnvExample: unknown };
    expect(doc.version).toBe(1);
    expect(JSON.stringify(doc.syncEnvExample)).toContain('ONLY_NAME');
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('CRLF env files in the main run', () => {
  it('.gitignore and .env.example with CRLF keep their bytes; the added names carry no value', async () => {
    const gitignore = 'node_modules\r\n# local\r\n';
    const example = '# Keys\r\nLINEAR_API_KEY=\r\n';
    const dir = await repo({ '.gitignore': gitignore, '.env.example': example, 'a.ts': src('a', S.gh) });
    const r = run(dir, []);
    expect(r.code).toBe(0);
    const gi = await read(dir, '.gitignore');
    const ex = await read(dir, '.env.example');
    expect(gi.startsWith(gitignore)).toBe(true);
    expect(gi).toMatch(/^\.env\r?$/m);
    expect(ex.startsWith(example)).toBe(true);
    expect(ex).toMatch(/^GITHUB_TOKEN=\r?$/m);
    expect(ex).not.toContain(S.gh.value);
    for (const text of [gi, ex]) expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no LF-only line mixed in
    commitAll(dir);
    expect(git(dir, 'check-ignore', '.env')).toBe('.env\n');
  });
});

describe('--allow-pattern and --ignore-provider', () => {
  it('--allow-pattern (repeatable) leaves matching values in place and moves the rest', async () => {
    const dir = await repo({ 'a.ts': src('a', S.gh) + src('b', S.stripe) + src('c', S.openai) });
    const r = run(dir, ['--allow-pattern', `${S.gh.value.slice(-6)}$`, '--allow-pattern', '^sk_live_']);
    expect(r.code).toBe(0);
    const a = await read(dir, 'a.ts');
    expect(a).toContain(S.gh.value);
    expect(a).toContain(S.stripe.value);
    expect(a).not.toContain(S.openai.value);
  });

  it('--ignore-provider takes a format id or a provider name', async () => {
    for (const id of ['github-classic-pat', 'GitHub']) {
      const dir = await repo({ 'a.ts': src('a', S.gh) + src('b', S.stripe) });
      const r = run(dir, ['--ignore-provider', id]);
      expect(r.code, id).toBe(0);
      const a = await read(dir, 'a.ts');
      expect(a, id).toContain(S.gh.value);
      expect(a, id).not.toContain(S.stripe.value);
    }
  });
});

describe('colour', () => {
  const ANSI = /\u001b\[/;
  const colourful = async (): Promise<string> => repo({ 'a.ts': src('a', S.gh), 'bad.ts': 'export const = ;\n' });

  it('no ANSI escapes when stdout/stderr are pipes (even with FORCE_COLOR)', async () => {
    const dir = await colourful();
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      const r = run(dir, ['--dry-run'], env);
      expect(r.err).toMatch(/dry run/);
      expect(r.out + r.err).not.toMatch(ANSI);
    }
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)('on a terminal: colour by default, none with NO_COLOR', async () => {
    const dir = await colourful();
    const tty = (env: Record<string, string | undefined>): string => {
      const childEnv: Record<string, string | undefined> = { ...process.env, TERM: 'xterm-256color', ...env };
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" --dry-run`, '/dev/null'], { cwd: dir, env: childEnv as NodeJS.ProcessEnv, encoding: 'utf8' });
      OUTPUTS.push(r.stdout, r.stderr);
      return r.stdout;
    };
    const coloured = tty({ NO_COLOR: undefined });
    expect(coloured).toMatch(/dry run/);
    expect(coloured).toMatch(ANSI);
    const plain = tty({ NO_COLOR: '1' });
    expect(plain).toMatch(/dry run/);
    expect(plain).not.toMatch(ANSI);
    expect(tty({ NO_COLOR: '' })).not.toMatch(ANSI); // "set", even empty
  });
});

describe('awkward file names', () => {
  it('very long paths', async () => {
    const deep = Array.from({ length: 12 }, (_, i) => `folder-${i}-${'x'.repeat(40)}`).join('/');
    const file = `${deep}/${'n'.repeat(200)}.ts`;
    const dir = await repo({ [file]: src('a', S.gh) });
    const r = run(dir, ['--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { files: { path: string; status: string }[] };
    expect(doc.files).toEqual([expect.objectContaining({ path: file, status: 'changed' })]);
    expect(await read(dir, file)).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
  });

  it('spaces and unicode in folder and file names, named as a path argument', async () => {
    const file = 'my src/Ünïcödé 日本 file.ts';
    const dir = await repo({ [file]: src('a', S.gh), 'other.ts': src('b', S.stripe) });
    const dry = run(dir, ['--dry-run', 'my src']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(file);
    expect(dry.err).toContain(file);
    const r = run(dir, ['--json', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([file]);
    expect(await read(dir, file)).toBe('export const a = process.env.GITHUB_TOKEN ?? "";\n');
    expect(await read(dir, 'other.ts')).toBe(src('b', S.stripe));
  });

  it('a read-only source file is reported (exit 1), the others are still done (human report)', async () => {
    const dir = await repo({ 'src/ro file.ts': src('a', S.gh), 'src/rw.ts': src('b', S.stripe) });
    await chmod(join(dir, 'src/ro file.ts'), 0o444);
    const r = run(dir, []);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/src\/ro file\.ts.*read-only/);
    expect(await read(dir, 'src/ro file.ts')).toBe(src('a', S.gh));
    expect(await read(dir, 'src/rw.ts')).toBe('export const b = process.env.STRIPE_SECRET_KEY ?? "";\n');
    expect(await read(dir, '.env')).not.toContain(S.gh.value);
  });
});

describe('masking across every run of this file', () => {
  it('no output held more of a planted secret than its mask (prefix + last 4)', () => {
    expect(OUTPUTS.length).toBeGreaterThan(40);
    expectMasked(OUTPUTS.join('\n'));
  });
});

describe('gaps found by the held-out set, fixed', () => {
  // docs exit codes: 2 = "a path that does not exist or holds no JS/TS source"; a named path outside --root gives 0 and "No hardcoded secrets found."
  it('a named path outside the root, holding a secret, exits 2 (not 0 with "No hardcoded secrets found")', async () => {
    const cwd = await repo({ 'proj/a.ts': 'export const a = 1;\n', 'outside.ts': src('o', S.gh) });
    const r = run(cwd, ['--root', 'proj', '../outside.ts']);
    expect(r.err).not.toMatch(/No hardcoded secrets found/);
    expect(r.code).toBe(2);
  });
});
