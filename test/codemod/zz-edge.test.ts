import { it } from 'vitest';
import { cli, lines, makeRepo, read } from './helpers.js';
import { T } from './helpers.js';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
it('edge', async () => {
  const g = T.github.value;
  const dir = await makeRepo({
    'src/a.ts': lines(
      `export const a = "${g}" as const;`,
      `export const b = <const>"${g}";`,
      `declare const c = "${g}";`,
      `export function f(x: string) { switch (x) { case "${g}": return 1; } return 0; }`,
      `export const d = { ["${g}"]: 1 };`,
      `export const e = "${g}".length;`,
      `export const h = typeof "${g}";`,
      `export const i = \`\${"${g}"}\`;`,
      `export const j = { token: "${g}" } as const;`,
      `export const k = "Bearer " + "${g}";`,
      `export const l = !"${g}";`,
      `export const m = "${g}" satisfies string;`,
      `export class K { @dec("${g}") p = 1; }`,
      `function dec(_s: string) { return (_a: unknown, _b: unknown) => {}; }`,
      `export const n = { "${g}": 1 };`,
      `export const o = ["${g}"][0];`,
    ),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', types: [], lib: ['ES2022'], experimentalDecorators: true }, include: ['src', 'p.d.ts'] }),
    'p.d.ts': 'declare const process: { env: Record<string, string | undefined> };\n',
  });
  const r = await cli('--root', dir, '--json');
  console.log(r.code, JSON.parse(r.out).files.map((f: any) => f.secrets.map((s: any) => s.line + ':' + s.action)));
  console.log((await read(dir, 'src/a.ts')).replaceAll(g, 'ghp_XXX'));
  try { execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' }); console.log('tsc ok'); } catch (e: any) { console.log(String(e.stdout).replaceAll(dir, '')); }
});
