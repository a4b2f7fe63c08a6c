import { mkdtemp, writeFile, readFile, mkdir, symlink, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { fakeToken, fakeGenericSecret } from '../support/fake-tokens.js';
import { runCodemod } from '../../codemods/run.js';

it('scratch', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cm-'));
  const out = await mkdtemp(join(tmpdir(), 'cmo-'));
  const gh = fakeToken('github-classic-pat', 1);
  const gh2 = fakeToken('github-classic-pat', 2);
  const gen = fakeGenericSecret(3);
  await writeFile(join(out, 'x.ts'), `export const t = "${gh}";\n`);
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src/a.ts'), `export const a = "${gh}";\r\nexport const b = { apiKey: "${gen}" };\r\n`);
  await writeFile(join(dir, 'src/bom.ts'), `\uFEFFexport const a = "${gh2}";\n`);
  await writeFile(join(dir, 'src/latin.ts'), Buffer.concat([Buffer.from(`// caf`), Buffer.from([0xe9]), Buffer.from(`\nexport const a = "${gh}";\n`)]));
  await writeFile(join(dir, 'src/bad.ts'), `export const a = "${gh}";\nconst = ;\n`);
  await writeFile(join(dir, 'src/ro.ts'), `export const a = "${gh}";\n`);
  await chmod(join(dir, 'src/ro.ts'), 0o444);
  await symlink(join(out, 'x.ts'), join(dir, 'src/link.ts'));
  await symlink(out, join(dir, 'linked'));
  await writeFile(join(dir, '.env'), `SECRET_OLD=${fakeGenericSecret(9)}\nGITHUB_TOKEN=other`);
  const r = await runCodemod({ root: dir, paths: [], dryRun: true });
  console.log(JSON.stringify(r, null, 1));
});
