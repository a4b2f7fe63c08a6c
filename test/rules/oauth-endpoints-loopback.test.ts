/**
 * `oauth-endpoints-https`: the loopback forms a callback URL is written with (RFC 8252 §7.3) are local hosts: the
 * fully qualified `localhost.` and an IPv4 loopback address mapped into IPv6. Anything else stays a remote host.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/oauth-endpoints-https.js';
import { span } from '../support/positions.js';

const HEAD = 'import { Worker } from "@notionhq/workers";\nconst worker = new Worker();\nexport default worker;\n';
const AUTH = '"https://auth.acme.io/oauth/authorize"';
const TOKEN = '"https://auth.acme.io/oauth/token"';
const CLIENT = 'clientId: process.env.ACME_ID ?? "", clientSecret: process.env.ACME_SECRET ?? ""';
const withCallback = (url: string): string => `${HEAD}worker.oauth("acme", { authorizationEndpoint: ${AUTH}, tokenEndpoint: ${TOKEN}, callbackUrl: "${url}", ${CLIENT} });`;
const strict = [{ allowHttpLocalhost: false }] as [{ allowHttpLocalhost: boolean }];

/** Loopback callbacks, and the URL the message shows for each (the URL parser's form). */
const LOOPBACK: [string, string][] = [
  ['http://localhost.:3000/callback', 'http://localhost.:3000/callback'],
  ['http://app.localhost./callback', 'http://app.localhost./callback'],
  ['http://[::ffff:127.0.0.1]:8080/cb', 'http://[::ffff:127.0.0.1]:8080/cb'],
  ['http://[::ffff:7f00:1]/cb', 'http://[::ffff:7f00:1]/cb'],
];
/** Remote hosts that only look local. */
const REMOTE = ['http://localhost.evil.example/cb', 'http://[::ffff:10.0.0.1]/cb', 'http://localhost..example/cb', 'http://[::ffff:8.8.8.8]/cb'];

new RuleTester().run('oauth-endpoints-https: loopback forms', rule, {
  valid: LOOPBACK.map(([url]) => withCallback(url)),
  invalid: [
    ...LOOPBACK.map(([url, shown]) => {
      const code = withCallback(url);
      return {
        code,
        options: strict,
        errors: [
          {
            messageId: 'insecureLocalhost' as const,
            data: { role: 'callback URL', url: shown },
            ...span(code, `"${url}"`),
            suggestions: [{ messageId: 'useHttps' as const, output: code.replace(url, url.replace('http:', 'https:')) }],
          },
        ],
      };
    }),
    ...REMOTE.map((url) => {
      const code = withCallback(url);
      return {
        code,
        errors: [
          {
            messageId: 'insecureUrl' as const,
            ...span(code, `"${url}"`),
            suggestions: [{ messageId: 'useHttps' as const, output: code.replace(url, url.replace('http:', 'https:')) }],
          },
        ],
      };
    }),
  ],
});
