/** The plugin's shape: rules, docs, configs and generated tables stay consistent. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillGenerated, GENERATED } from '../scripts/docs-tables.js';
import plugin from '../src/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ruleEntries = Object.entries(plugin.rules);

describe('plugin', () => {
  it('names itself from package.json', () => {
    expect(plugin.meta).toMatchObject({ name: pkg.name, version: pkg.version, namespace: 'worker-auth' });
  });

  it('has configs that are named and reference the plugin', () => {
    for (const [key, config] of Object.entries(plugin.configs)) {
      expect(config.name, key).toMatch(/^worker-auth\//);
      expect(config.plugins?.['worker-auth'], key).toBe(plugin);
      expect(config.files, key).toBeDefined();
    }
    expect(plugin.configs['flat/recommended']).toBe(plugin.configs.recommended);
  });

  it('puts exactly the recommended rules in recommended, every rule in strict and all', () => {
    const recommended = ruleEntries.filter(([, r]) => r.meta?.docs?.recommended).map(([n]) => `worker-auth/${n}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(ruleEntries.map(([n]) => `worker-auth/${n}`).sort());
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(ruleEntries.map(([n]) => `worker-auth/${n}`).sort());
  });
});

describe.each(ruleEntries)('rule %s', (name, rule) => {
  const docPath = new URL(`../docs/rules/${name}.md`, import.meta.url);

  it('reports only through reportMasked (the data of every report is masked)', () => {
    const source = readFileSync(new URL(`../rules/${name}.ts`, import.meta.url), 'utf8');
    expect(source).not.toMatch(/context\.report\(/);
  });

  it('lives in rules/<name>.ts and links its docs', () => {
    expect(existsSync(new URL(`../rules/${name}.ts`, import.meta.url))).toBe(true);
    expect(rule.meta?.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    expect(rule.meta?.docs?.description).toBeTruthy();
  });

  it('has a schema with a description on every option', () => {
    const schema = rule.meta?.schema;
    expect(Array.isArray(schema)).toBe(true);
    for (const item of schema as { properties?: Record<string, { description?: string }> }[]) {
      for (const [option, s] of Object.entries(item.properties ?? {})) expect(s.description, option).toBeTruthy();
    }
  });

  it('has a doc with the required sections and a heading per option', () => {
    expect(existsSync(docPath)).toBe(true);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc.startsWith(`# worker-auth/${name}\n`)).toBe(true);
    expect(doc).toContain('## Examples');
    expect(doc).toContain('## When Not To Use It');
    const schema = (rule.meta?.schema ?? []) as { properties?: Record<string, unknown> }[];
    const options = schema.flatMap((s) => Object.keys(s.properties ?? {}));
    if (options.length > 0) expect(doc).toContain('## Options');
    for (const option of options) expect(doc, option).toContain(`\`${option}\``);
  });

  it('is listed in the README', () => {
    expect(readme).toContain(`docs/rules/${name}.md`);
  });
});

describe('generated docs', () => {
  it.each(Object.entries(GENERATED))('%s is up to date (run `npm run docs`)', (file, blocks) => {
    const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(fillGenerated(text, blocks)).toBe(text);
  });
});
