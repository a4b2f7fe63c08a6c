/**
 * Tables generated from the reviewed data into the docs, between `<!-- begin generated: NAME -->` and
 * `<!-- end generated: NAME -->` markers. `npm run docs` writes them; a test fails when they are stale.
 */
import { TOKEN_FORMATS } from '../src/detect/providers.js';
import { OAUTH_PROVIDERS } from '../src/oauth/providers.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Every credential format the detector knows, grouped by class. */
export function renderTokenFormatTable(): string {
  const rows = [...TOKEN_FORMATS].sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  const lines = [
    `${rows.filter((f) => f.class === 'secret').length} secret formats are reported; publishable keys and identifiers are recognised so that they are never reported as generic secrets.`,
    '',
    '| Provider | Credential | Id | Reported | Env name | Check |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of rows) {
    const reported = f.class === 'secret' ? 'yes' : `no (${f.class})`;
    const check = f.validate ? 'structure/checksum' : f.contextWords ? 'needs context' : 'prefix + shape';
    lines.push(`| ${escapeCell(f.provider)} | ${escapeCell(f.kind)} | \`${f.id}\` | ${reported} | \`${f.envName}\` | ${check} |`);
  }
  return lines.join('\n');
}

/** Every OAuth provider the scope rule knows: how it is recognised, its separator and its broad scopes. */
export function renderOAuthProviderTable(): string {
  const rows = [...OAUTH_PROVIDERS].sort((a, b) => a.name.localeCompare(b.name));
  const code = (items: readonly string[]): string => items.map((item) => `\`${escapeCell(item)}\``).join(', ');
  const lines = [
    `${rows.length} providers. A provider is recognised from the endpoint hosts, the Notion-managed \`provider\`, the library, or the configuration's name. \`→\` names the one narrower scope that is the usual fix, which the editor suggestion puts in; where there is no single usual fix, the narrower scopes to choose from are listed, as the message lists them.`,
    '',
    '| Provider | Id | Recognised by | Separator | Broad scopes |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const p of rows) {
    const recognised = [
      code(p.hosts.map((host) => (host.startsWith('.') ? `*${host}` : host))),
      p.managedProviders?.length ? `managed ${code(p.managedProviders)}` : '',
      p.packages?.length ? code(p.packages) : '',
    ].filter((part) => part !== '');
    const risky = p.risky.length
      ? p.risky
          .map((entry) => {
            // `→` the suggestion the editor offers; without one, the narrower scopes the message lists
            const to = entry.suggestion !== undefined ? ` → \`${escapeCell(entry.suggestion)}\`` : '';
            const narrower = entry.suggestion === undefined && entry.alternatives.length > 0 ? `; narrower: ${code(entry.alternatives)}` : '';
            return `\`${escapeCell(entry.scope)}\` (${entry.risk}${to}${narrower})`;
          })
          .join(', ')
      : escapeCell(p.note ?? 'none');
    const params = p.scopeParams?.length
      ? `; also checked: ${p.scopeParams
          .map((param) => (param.risky?.length ? `\`${param.param}\` (${code(param.risky.map((r) => r.scope))})` : `\`${param.param}\``))
          .join(', ')}`
      : '';
    lines.push(`| [${escapeCell(p.name)}](${p.docsUrl}) | \`${p.id}\` | ${recognised.join('; ')} | ${p.separator} | ${risky}${params} |`);
  }
  return lines.join('\n');
}

export const GENERATED: Record<string, Record<string, () => string>> = {
  'docs/rules/no-hardcoded-secrets.md': { 'token-formats': renderTokenFormatTable },
  'docs/rules/no-broad-oauth-scopes.md': { 'oauth-providers': renderOAuthProviderTable },
};

/** Replace each generated block of `text` with fresh content. */
export function fillGenerated(text: string, blocks: Record<string, () => string>): string {
  let out = text;
  for (const [name, render] of Object.entries(blocks)) {
    const begin = `<!-- begin generated: ${name} -->`;
    const end = `<!-- end generated: ${name} -->`;
    const i = out.indexOf(begin);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`generated block "${name}" has no markers`);
    out = `${out.slice(0, i + begin.length)}\n${render()}\n${out.slice(j)}`;
  }
  return out;
}
