/** Bad options give ESLint's clear schema error; every rule's defaults are valid against its own schema. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const linter = new Linter({ configType: 'flat' });

function lintWith(rule: string, options: unknown[]): void {
  linter.verify('const a = 1;', [{ plugins: { 'worker-auth': plugin }, rules: { [`worker-auth/${rule}`]: ['error', ...options] } }], 'a.js');
}

describe('option validation', () => {
  it.each(Object.keys(plugin.rules))('%s accepts its defaults and no options', (rule) => {
    const defaults = (plugin.rules[rule as keyof typeof plugin.rules].meta?.defaultOptions ?? []) as unknown[];
    expect(() => lintWith(rule, [])).not.toThrow();
    expect(() => lintWith(rule, defaults)).not.toThrow();
  });

  it.each(Object.keys(plugin.rules))('%s rejects an unknown option with a schema error', (rule) => {
    expect(() => lintWith(rule, [{ noSuchOption: true }])).toThrow(/Key "worker-auth\/[a-z-]+":.*Unexpected property "noSuchOption"/s);
  });

  it('no-hardcoded-secrets rejects wrongly typed and over-long values', () => {
    expect(() => lintWith('no-hardcoded-secrets', [{ checkComments: 'yes' }])).toThrow(/should be boolean|must be boolean/);
    expect(() => lintWith('no-hardcoded-secrets', [{ testFiles: 'some' }])).toThrow(/allowed values|equal to one of/);
    expect(() => lintWith('no-hardcoded-secrets', [{ allowPatterns: ['a'.repeat(201)] }])).toThrow(/must NOT have more than 200 characters|should NOT be longer than 200/);
    expect(() => lintWith('no-hardcoded-secrets', [{ extraPatterns: [{ name: 'x', pattern: 'abc' }] }])).toThrow(/required property 'keyword'|must have required property/);
    expect(() => lintWith('no-hardcoded-secrets', [{ extraPatterns: [{ name: 'x', pattern: 'abc', keyword: 'ab' }] }])).toThrow(/fewer than 3 characters|shorter than 3/);
  });

  it('no-hardcoded-secrets reports an invalid user regular expression clearly', () => {
    expect(() => lintWith('no-hardcoded-secrets', [{ allowPatterns: ['(unclosed'] }])).toThrow(/allowPatterns\[0\] is not a valid regular expression/);
  });
});
