/**
 * `no-logged-secrets`: logging functions bound to a plain name in the file (`debug` instances, `util.debuglog`,
 * console methods taken off the global `console`), PascalCase logger objects, and copies or views of what holds a
 * secret (`Object.fromEntries(headers)`, `[user, password].join(":")`).
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-logged-secrets.js';
import { span as at } from '../support/positions.js';

const env = (name: string): string => `\`process.env.${name}\``;
const logged = (what: string, sink: string) => ({ messageId: 'secretLogged' as const, data: { what, sink } });

const debugImport = 'import createDebug from "debug";\nconst debug = createDebug("worker:auth");\ndebug("token %s", process.env.API_TOKEN);';
const debugRequire = 'const log = require("debug")("app");\nlog(process.env.GITHUB_TOKEN);';
const debugFactoryRequired = 'const createDebug = require("debug");\nconst trace = createDebug("app");\ntrace("key", process.env.STRIPE_SECRET_KEY);';
const debugExtend = 'import createDebug from "debug";\nconst base = createDebug("app");\nconst authLog = base.extend("auth");\nauthLog(`secret=${process.env.CLIENT_SECRET}`);';
const debugImportEquals = 'import createDebug = require("debug");\nconst debug = createDebug("app");\ndebug(process.env.API_KEY);';
const debugNamespace = 'import * as createDebug from "debug";\nconst debug = createDebug("app");\ndebug(process.env.API_KEY);';
const debuglogNamed = 'import { debuglog } from "node:util";\nconst log = debuglog("auth");\nlog("key", process.env.OPENAI_API_KEY);';
const debuglogMember = 'import util from "util";\nconst dlog = util.debuglog("auth");\ndlog(process.env.DB_PASSWORD);';
const debuglogRequired = 'const { debuglog } = require("node:util");\nconst log = debuglog("auth");\nlog(process.env.SLACK_BOT_TOKEN);';
const consoleDestructured = 'const { log, error: logError } = console;\nlog(process.env.API_TOKEN);\nlogError(process.env.DB_PASSWORD);';
const consoleBound = 'const info = console.info.bind(console);\ninfo(process.env.SLACK_BOT_TOKEN);';
const pascalLogger = 'AppLogger.warn("auth", process.env.API_TOKEN);';

new RuleTester().run('no-logged-secrets: bound loggers (typescript-eslint parser)', rule, {
  valid: [
    // a function of the file's own that happens to be called `debug` or `log`
    'function debug(...args: unknown[]): void { void args; }\ndebug(process.env.API_TOKEN);',
    'declare function makeLogger(): (...args: unknown[]) => void;\nconst log = makeLogger();\nlog(process.env.API_TOKEN);',
    // reassigned: what is called is not known
    'import createDebug from "debug";\nlet debug = createDebug("x");\ndebug = () => {};\ndebug(process.env.API_TOKEN);',
    // another package's default export, or another `util` export
    'import createDebug from "not-debug";\nconst debug = createDebug("x");\ndebug(process.env.API_TOKEN);',
    'import { inspect } from "node:util";\nconst show = inspect;\nshow(process.env.API_TOKEN);',
    // not the global console
    'declare const myConsole: Console;\nconst { log } = myConsole;\nlog(process.env.API_TOKEN);',
    'export function f(console: Console) {\n  const { log } = console;\n  log(process.env.API_TOKEN);\n}',
    'declare const other: { log(...a: unknown[]): void };\nconst info = other.log.bind(other);\ninfo(process.env.API_TOKEN);',
    // a console property that does not log
    'const { time } = console;\ntime(process.env.API_TOKEN);',
    // the factory itself (it makes a logger; its argument is the logger's name)
    'import createDebug from "debug";\nconst make = createDebug;\nmake("app");',
    // a bound logger given no secret
    'const debug = require("debug")("app");\ndebug("token set:", Boolean(process.env.API_TOKEN));',
    // a local `require`
    'export function f(require: (m: string) => (ns: string) => (...a: unknown[]) => void) {\n  const log = require("debug")("x");\n  log(process.env.API_TOKEN);\n}',
    // a bound logger under a name that says nothing of logging is not looked up (every plain call would be)
    'import createDebug from "debug";\nconst d = createDebug("app");\nd(process.env.API_TOKEN);',
    'const { error: fail } = console;\nfail(process.env.API_TOKEN);',
    // PascalCase names that are not loggers, and a logger name with a method that does not log
    'Catalog.error(process.env.API_TOKEN);\nAuditLog.create({ token: process.env.API_TOKEN });',
  ],
  invalid: [
    { code: debugImport, errors: [{ ...logged(env('API_TOKEN'), 'debug'), ...at(debugImport, 'process.env.API_TOKEN') }] },
    { code: debugRequire, errors: [{ ...logged(env('GITHUB_TOKEN'), 'log'), ...at(debugRequire, 'process.env.GITHUB_TOKEN') }] },
    { code: debugFactoryRequired, errors: [{ ...logged(env('STRIPE_SECRET_KEY'), 'trace'), ...at(debugFactoryRequired, 'process.env.STRIPE_SECRET_KEY') }] },
    { code: debugExtend, errors: [{ ...logged(env('CLIENT_SECRET'), 'authLog'), ...at(debugExtend, 'process.env.CLIENT_SECRET') }] },
    { code: debugImportEquals, errors: [{ ...logged(env('API_KEY'), 'debug'), ...at(debugImportEquals, 'process.env.API_KEY') }] },
    { code: debugNamespace, errors: [{ ...logged(env('API_KEY'), 'debug'), ...at(debugNamespace, 'process.env.API_KEY') }] },
    { code: debuglogNamed, errors: [{ ...logged(env('OPENAI_API_KEY'), 'log'), ...at(debuglogNamed, 'process.env.OPENAI_API_KEY') }] },
    { code: debuglogMember, errors: [{ ...logged(env('DB_PASSWORD'), 'dlog'), ...at(debuglogMember, 'process.env.DB_PASSWORD') }] },
    { code: debuglogRequired, errors: [{ ...logged(env('SLACK_BOT_TOKEN'), 'log'), ...at(debuglogRequired, 'process.env.SLACK_BOT_TOKEN') }] },
    {
      code: consoleDestructured,
      errors: [
        { ...logged(env('API_TOKEN'), 'console.log'), ...at(consoleDestructured, 'process.env.API_TOKEN') },
        { ...logged(env('DB_PASSWORD'), 'console.error'), ...at(consoleDestructured, 'process.env.DB_PASSWORD') },
      ],
    },
    { code: consoleBound, errors: [{ ...logged(env('SLACK_BOT_TOKEN'), 'console.info'), ...at(consoleBound, 'process.env.SLACK_BOT_TOKEN') }] },
    { code: pascalLogger, errors: [{ ...logged(env('API_TOKEN'), 'AppLogger.warn'), ...at(pascalLogger, 'process.env.API_TOKEN') }] },
  ],
});

new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } }).run(
  'no-logged-secrets: bound loggers (espree, CommonJS .js)',
  rule,
  {
    valid: ['const log = require("debug")("app");\nlog("started");', 'const { log } = require("./console");\nlog(process.env.API_TOKEN);'],
    invalid: [
      { code: debugRequire, errors: [{ ...logged(env('GITHUB_TOKEN'), 'log'), ...at(debugRequire, 'process.env.GITHUB_TOKEN') }] },
      { code: debuglogRequired, errors: [{ ...logged(env('SLACK_BOT_TOKEN'), 'log'), ...at(debuglogRequired, 'process.env.SLACK_BOT_TOKEN') }] },
      { code: consoleBound, errors: [{ ...logged(env('SLACK_BOT_TOKEN'), 'console.info'), ...at(consoleBound, 'process.env.SLACK_BOT_TOKEN') }] },
    ],
  },
);

// --- copies and views of what holds a secret ----------------------------------------------------------------------
const fromEntries = 'const headers = new Headers({ Authorization: `Bearer ${process.env.API_TOKEN}` });\nconsole.log(Object.fromEntries(headers));';
const assigned = 'console.log(Object.assign({}, { apiKey: process.env.API_KEY }));';
const inspected = 'import util from "node:util";\nconsole.debug(util.inspect({ token: process.env.GITHUB_TOKEN }));';
const joined = 'console.log([process.env.DB_PASSWORD, "x"].join(":"));';
const cloned = 'console.log(structuredClone({ secret: process.env.CLIENT_SECRET }));';
const entries = 'const headers = new Headers({ "x-api-key": process.env.STRIPE_KEY ?? "" });\nconsole.log([...headers.entries()]);';
const allEnv = 'console.log(Object.entries(process.env));';

new RuleTester().run('no-logged-secrets: copies and views', rule, {
  valid: [
    // names only, a filtered copy, and what only says whether a secret is set
    'console.log(Object.keys(process.env));',
    'console.log(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("PUBLIC_"))));',
    'console.log([Boolean(process.env.API_TOKEN)].join(","));',
    'console.log(Object.assign({}, { region: process.env.AWS_REGION }));',
  ],
  invalid: [
    { code: fromEntries, errors: [{ ...logged(`\`headers\` (it holds ${env('API_TOKEN')})`, 'console.log'), ...at(fromEntries, 'headers', 1) }] },
    { code: assigned, errors: [{ ...logged(env('API_KEY'), 'console.log'), ...at(assigned, 'process.env.API_KEY') }] },
    { code: inspected, errors: [{ ...logged(env('GITHUB_TOKEN'), 'console.debug'), ...at(inspected, 'process.env.GITHUB_TOKEN') }] },
    { code: joined, errors: [{ ...logged(env('DB_PASSWORD'), 'console.log'), ...at(joined, 'process.env.DB_PASSWORD') }] },
    { code: cloned, errors: [{ ...logged(env('CLIENT_SECRET'), 'console.log'), ...at(cloned, 'process.env.CLIENT_SECRET') }] },
    { code: entries, errors: [{ ...logged(`\`headers\` (it holds ${env('STRIPE_KEY')})`, 'console.log'), ...at(entries, 'headers', 1) }] },
    { code: allEnv, errors: [{ ...logged('`process.env` (every variable, secrets included)', 'console.log'), ...at(allEnv, 'process.env') }] },
  ],
});

new RuleTester().run('no-logged-secrets: bound loggers never follow a cycle', rule, {
  valid: [
    // constants bound to each other (a TDZ error at run time, but it parses): looked up a few steps, then given up
    // (`"debug"` in the text: the file may bind a logger, so the names are looked up)
    'const ns = "debug";\nconst a: any = b;\nconst b: any = a;\nconst debug = a(ns);\ndebug(process.env.API_TOKEN);',
    'const ns = "debug";\nconst debug: any = debug2;\nconst debug2: any = debug;\ndebug(process.env.API_TOKEN);',
  ],
  invalid: [],
});
