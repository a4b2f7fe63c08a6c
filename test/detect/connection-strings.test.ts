/**
 * Passwords of `key=value;` connection strings (ADO.NET, ODBC, OLE DB) and of URLs whose password holds a `#`: found
 * where they are written, braced, quoted or plain, judged like a URL's password (`isRealPassword`), and left alone
 * where the text is no connection string or the password is a stand-in.
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/index.js';
import { connectionPasswordAt, connectionPasswords } from '../../src/detect/connection-string.js';
import plugin from '../../src/index.js';
import { randomString } from '../support/fake-tokens.js';

const detector = new Detector();
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SYMBOLS = '!%*+-_.~^';
/** A generated password: letters, digits and a few symbols, 14–20 characters. */
const password = (seed: number): string => randomString(ALNUM + SYMBOLS, 14 + (seed % 7), seed);

/** `[id, the value as written in the text]` of each finding. */
const found = (text: string): [string, string][] => detector.detect(text).map((f) => [f.id, text.slice(f.start, f.end)]);

describe('connection-string passwords', () => {
  it('are found plain, braced (with `;` and `}}` inside), quoted (with the quote doubled) and in every case of the key', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const pw = password(seed);
      const cases: [string, string][] = [
        [`Server=db.internal;User Id=app;Password=${pw};Encrypt=true`, pw],
        [`Server=db.internal;User Id=app;Password=${pw}`, pw],
        [`server=db.internal;user id=app;password=${pw};`, pw],
        [`Data Source=tcp:db,1433;Initial Catalog=app;User ID=app;PASSWORD=${pw};`, pw],
        [`Driver={ODBC Driver 18 for SQL Server};Server=tcp:db;Uid=app;Pwd={${pw.slice(0, 4)};${pw.slice(4)}};`, `${pw.slice(0, 4)};${pw.slice(4)}`],
        [`Driver={ODBC};Server=db;Uid=app;Pwd={${pw.slice(0, 6)}}}${pw.slice(6)}};`, `${pw.slice(0, 6)}}}${pw.slice(6)}`],
        [`Provider=SQLOLEDB;Data Source=db;User ID=app;Password='${pw.slice(0, 5)}''${pw.slice(5)}';`, `${pw.slice(0, 5)}''${pw.slice(5)}`],
        [`Host=db;Database=app;Username=app;Password="${pw.slice(0, 5)} ${pw.slice(5)}"`, `${pw.slice(0, 5)} ${pw.slice(5)}`],
        [`Server=db; Database=app; User Id=app; Password = ${pw} ;`, pw],
      ];
      for (const [text, value] of cases) expect(found(text), text).toEqual([['connection-string-password', value]]);
    }
  });

  it('name the finding and its env name, and are high confidence when the password looks random', () => {
    const pw = randomString(ALNUM, 24, 7);
    const [finding] = detector.detect(`Server=db;User Id=app;Password=${pw};`);
    expect(finding).toMatchObject({ id: 'connection-string-password', provider: 'Database', kind: 'password in a connection string', envName: 'DB_PASSWORD', confidence: 'high', value: pw });
  });

  it('are not found where the text is no connection string, the key is another, or the password is a stand-in', () => {
    const pw = password(3);
    const texts = [
      // a `password=` pair alone is a name=value pair (read as one: only a random value is reported)
      'password=' + 'Winter2024',
      // the key is not `password` or `pwd` at a pair's start
      `Server=db;User Id=app;OldPassword=${pw};`,
      `Server=db;User Id=app;MyPwd=${pw};`,
      `Server=db;User Id=app;PasswordHint=${pw};`,
      // stand-ins and weak or empty values
      'Server=db;User Id=app;Password=<your-password>;',
      'Server=db;User Id=app;Password=${DB_PASSWORD};',
      'Server=db;User Id=app;Password={{password}};',
      'Server=db;User Id=app;Password=********;',
      'Server=db;User Id=app;Password=password;',
      'Server=db;User Id=app;Password=;',
      'Server=db;User Id=app;Password={};',
      'Server=db;User Id=app;Password=abc;',
      // the password is the user's name
      'Server=db;User Id=appuser;Password=appuser;',
      // an unclosed brace or quote holds no value
      `Server=db;User Id=app;Password={${pw}`,
      `Server=db;User Id=app;Password='${pw}`,
    ];
    for (const text of texts) expect(found(text).filter(([id]) => id === 'connection-string-password'), text).toEqual([]);
    // a stand-in found as a pair is not found twice
    expect(found(`Server=db;User Id=app;Password=${pw};`)).toHaveLength(1);
  });

  it('take the first step with every finding (`mayHoldSecret`) and the file check (`mayContainSecret`)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const pw = password(seed);
      for (const text of [`Server=db;Uid=app;Pwd={${pw.slice(0, 3)};${pw.slice(3)}};`, `Data Source=db; User ID=app; Password = "${pw.slice(0, 4)} ${pw.slice(4)}"`]) {
        expect(found(text)).toHaveLength(1);
        expect(detector.mayHoldSecret(text), text).toBe(true);
        expect(detector.mayHoldSecret(text, 'comment'), text).toBe(true);
        expect(detector.mayContainSecret(`const conn = ${JSON.stringify(text)};`), text).toBe(true);
      }
    }
    // without a run of 10 characters that are no white space, nothing is found, as the first step decides
    expect(connectionPasswords('Uid = a ; Pwd = {Ab3 dE9 Gh2}')).toEqual([]);
  });

  it('read the key at a pair start only, and a value of 4 characters or more', () => {
    expect(connectionPasswordAt('Pwd={abcd}', 3)).toEqual({ start: 5, end: 9, value: 'abcd' });
    expect(connectionPasswordAt('x;Password="ab""cd"', 10)).toEqual({ start: 12, end: 18, value: 'ab"cd' });
    expect(connectionPasswordAt('x;Password={ab}}cd}', 10)).toEqual({ start: 12, end: 18, value: 'ab}cd' });
    expect(connectionPasswordAt('xPassword=abcdef', 9)).toBeUndefined();
    expect(connectionPasswordAt('x;Password=abc', 10)).toBeUndefined();
    expect(connectionPasswordAt('x;Passwords=abcdef', 11)).toBeUndefined();
  });
});

describe('URL passwords with a `#`', () => {
  it('are found whole (a URL parser would read a fragment there, a connection string does not)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const pw = `${password(seed).slice(0, 6)}#${password(seed + 100).slice(0, 8)}`;
      const url = `postgres://app:${pw}@db.internal:5432/app`;
      expect(found(url)).toEqual([['url-password', pw]]);
    }
    // a fragment after a host with a port, and no user-info, is no password
    expect(found('https://docs.example.test:8443/#/guide@v2')).toEqual([]);
  });
});

describe('no-hardcoded-secrets on a connection string', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { 'worker-auth': plugin as never }, rules: { 'worker-auth/no-hardcoded-secrets': 'error' } },
  ];

  it('reports the password masked, and suggests reading it from the env in its place', () => {
    const pw = randomString(ALNUM, 20, 42);
    const code = `export const conn = "Server=db.internal;User Id=app;Password={${pw}};Encrypt=true";\n`;
    const [message, ...rest] = linter.verify(code, config, 'src/db.ts');
    expect(rest).toEqual([]);
    expect(message?.ruleId).toBe('worker-auth/no-hardcoded-secrets');
    expect(message?.message).toContain('Database password in a connection string');
    expect(message?.message).toContain('process.env.DB_PASSWORD');
    expect(message?.message).not.toContain(pw);
    expect(message?.message).not.toContain(pw.slice(4, -4));
    expect(code.slice(code.indexOf(pw) - 1, code.indexOf(pw) + pw.length + 1)).toBe(`{${pw}}`);
    expect(message?.column).toBe(code.indexOf(pw) + 1);
    const fixed = code.slice(0, message!.suggestions![0]!.fix.range[0]) + message!.suggestions![0]!.fix.text + code.slice(message!.suggestions![0]!.fix.range[1]);
    expect(fixed).not.toContain(pw);
    expect(fixed).toContain('Password={${process.env.DB_PASSWORD');
  });
});
