import { describe, it, expect } from 'vitest';
import { findProviderById, providerForScopeParam } from '../../src/oauth/providers.js';
import { assessScopes, isOpaqueScope, matchRiskyScope, normalizeScope, splitScopes } from '../../src/oauth/scopes.js';
import type { OAuthProvider, ScopeFinding } from '../../src/oauth/types.js';

function provider(id: string): OAuthProvider {
  const found = findProviderById(id);
  if (found === undefined) throw new Error(`no provider ${id}`);
  return found;
}

const GOOGLE = provider('google');
const MICROSOFT = provider('microsoft');
const GITHUB = provider('github');
const G = 'https://www.googleapis.com/auth/';
const MS = 'https://graph.microsoft.com/';

/** `[index, kind, risk]` of each finding, for compact assertions. */
function summary(findings: readonly ScopeFinding[]): [number, string, string | undefined][] {
  return findings.map((finding) => [finding.index, finding.kind, finding.risk]);
}

function reported(p: OAuthProvider | undefined, value: string): string[] {
  return assessScopes(p, value.split(' ')).map((finding) => finding.scope);
}

describe('splitScopes', () => {
  it('splits on spaces with offsets into the original', () => {
    expect(splitScopes('repo user')).toEqual([
      { scope: 'repo', start: 0, end: 4 },
      { scope: 'user', start: 5, end: 9 },
    ]);
  });

  it('splits on commas, mixed separators and runs of them', () => {
    expect(splitScopes('a,b')).toEqual([
      { scope: 'a', start: 0, end: 1 },
      { scope: 'b', start: 2, end: 3 },
    ]);
    expect(splitScopes('  read:user, repo\t\nadmin:org ,, gist  ')).toEqual([
      { scope: 'read:user', start: 2, end: 11 },
      { scope: 'repo', start: 13, end: 17 },
      { scope: 'admin:org', start: 19, end: 28 },
      { scope: 'gist', start: 32, end: 36 },
    ]);
  });

  it('treats +, %20 and %2C (either case) as separators', () => {
    expect(splitScopes('a%20b%2Cc+d%2ce')).toEqual([
      { scope: 'a', start: 0, end: 1 },
      { scope: 'b', start: 4, end: 5 },
      { scope: 'c', start: 8, end: 9 },
      { scope: 'd', start: 10, end: 11 },
      { scope: 'e', start: 14, end: 15 },
    ]);
  });

  it('never splits on : . / and keeps full-URL scopes whole', () => {
    const value = `${G}drive.file openid https://mail.google.com/`;
    const tokens = splitScopes(value);
    expect(tokens.map((token) => token.scope)).toEqual([`${G}drive.file`, 'openid', 'https://mail.google.com/']);
    for (const token of tokens) {
      expect(value.slice(token.start, token.end)).toBe(token.scope);
    }
  });

  it('percent-decodes an encoded scope but keeps its original offsets', () => {
    const value = 'openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive';
    expect(splitScopes(value)).toEqual([
      { scope: 'openid', start: 0, end: 6 },
      { scope: `${G}drive`, start: 9, end: value.length },
    ]);
  });

  it('keeps malformed percent sequences as written', () => {
    expect(splitScopes('a%E0%A4%A b')).toEqual([
      { scope: 'a%E0%A4%A', start: 0, end: 9 },
      { scope: 'b', start: 10, end: 11 },
    ]);
    expect(splitScopes('100%')).toEqual([{ scope: '100%', start: 0, end: 4 }]);
  });

  it('returns nothing for empty or separator-only input', () => {
    expect(splitScopes('')).toEqual([]);
    expect(splitScopes(' , +%20%2C\t')).toEqual([]);
  });

  it('runs in linear time on long adversarial input', () => {
    const inputs = ['a'.repeat(200_000), '%2'.repeat(100_000), ', '.repeat(100_000), '%'.repeat(200_000)];
    const started = performance.now();
    for (const input of inputs) splitScopes(input);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('normalizeScope', () => {
  it('strips the Google and Microsoft prefixes', () => {
    expect(normalizeScope(GOOGLE, `${G}drive`)).toBe('drive');
    expect(normalizeScope(GOOGLE, 'drive')).toBe('drive');
    expect(normalizeScope(MICROSOFT, `${MS}Mail.Read`)).toBe('Mail.Read');
    expect(normalizeScope(MICROSOFT, `${MS}.default`)).toBe('.default');
  });

  it('leaves other scopes alone', () => {
    expect(normalizeScope(GOOGLE, 'https://mail.google.com/')).toBe('https://mail.google.com/');
    expect(normalizeScope(GOOGLE, G)).toBe(G);
    expect(normalizeScope(GITHUB, 'repo')).toBe('repo');
    expect(normalizeScope(undefined, `${G}drive`)).toBe(`${G}drive`);
  });
});

describe('isOpaqueScope', () => {
  it('recognises Microsoft .default in every form', () => {
    expect(isOpaqueScope(MICROSOFT, '.default')).toBe(true);
    expect(isOpaqueScope(MICROSOFT, `${MS}.default`)).toBe(true);
    expect(isOpaqueScope(MICROSOFT, 'api://00000000-0000-0000-0000-000000000000/.default')).toBe(true);
    expect(isOpaqueScope(MICROSOFT, 'User.Read')).toBe(false);
    expect(isOpaqueScope(undefined, 'https://example.test/.default')).toBe(true);
    expect(isOpaqueScope(GITHUB, '.default')).toBe(false);
  });
});

describe('assessScopes: Google', () => {
  it('reports drive with the drive.file suggestion in short form', () => {
    const [finding, ...rest] = assessScopes(GOOGLE, ['drive']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ index: 0, scope: 'drive', kind: 'broad', risk: 'write-all', suggestion: 'drive.file' });
    expect(finding?.alternatives).toContain('drive.file');
  });

  it('keeps the full-URL form in the suggestion and alternatives', () => {
    const [finding] = assessScopes(GOOGLE, [`${G}drive`]);
    expect(finding).toMatchObject({ kind: 'broad', scope: `${G}drive`, suggestion: `${G}drive.file` });
    expect(finding?.alternatives.every((alternative) => alternative.startsWith(G))).toBe(true);
  });

  it('reports full Gmail (https://mail.google.com/) with full-URL alternatives and no single suggestion', () => {
    const [finding] = assessScopes(GOOGLE, ['https://mail.google.com/']);
    expect(finding).toMatchObject({ kind: 'broad', risk: 'delete' });
    expect(finding?.suggestion).toBeUndefined();
    expect(finding?.alternatives).toEqual([`${G}gmail.readonly`, `${G}gmail.send`, `${G}gmail.labels`, `${G}gmail.metadata`]);
  });

  it('reports gmail.modify in both forms', () => {
    expect(summary(assessScopes(GOOGLE, ['gmail.modify', `${G}gmail.modify`]))).toEqual([
      [0, 'broad', 'write-all'],
      [1, 'broad', 'write-all'],
    ]);
  });

  it('does not report narrow scopes', () => {
    const narrow = ['openid', 'email', 'profile', 'drive.file', `${G}drive.file`, 'drive.appdata', 'gmail.send', 'gmail.labels'];
    expect(assessScopes(GOOGLE, [...narrow, `${G}drive.metadata.readonly`, `${G}userinfo.email`])).toEqual([]);
  });

  it('handles the n8n fixtures (§8)', () => {
    expect(reported(GOOGLE, 'drive drive.file spreadsheets drive.metadata')).toEqual(['drive', 'spreadsheets', 'drive.metadata']);
    expect(reported(GOOGLE, 'calendar calendar.events')).toEqual(['calendar']);
    expect(reported(GOOGLE, 'drive drive.appdata drive.photos.readonly')).toEqual(['drive']);
  });

  it('compares whole tokens only, case-sensitively', () => {
    expect(assessScopes(GOOGLE, ['drive.file', 'Drive', 'drives'])).toEqual([]);
  });
});

describe('assessScopes: Microsoft', () => {
  it('reports tenant-wide and mailbox-wide scopes', () => {
    const findings = assessScopes(MICROSOFT, ['openid', 'offline_access', 'Directory.ReadWrite.All', 'Mail.ReadWrite', 'User.Read']);
    expect(summary(findings)).toEqual([
      [2, 'broad', 'admin'],
      [3, 'broad', 'write-all'],
    ]);
    expect(findings[1]?.suggestion).toBe('Mail.Read');
  });

  it('keeps the Graph resource prefix in suggestions', () => {
    const [finding] = assessScopes(MICROSOFT, [`${MS}Mail.ReadWrite`]);
    expect(finding).toMatchObject({ kind: 'broad', suggestion: `${MS}Mail.Read` });
  });

  it('treats .default as unknown breadth, not broad', () => {
    expect(assessScopes(MICROSOFT, ['.default', `${MS}.default`, 'offline_access'])).toEqual([]);
  });

  it('matches the *.ReadWrite.All pattern with substituted alternatives', () => {
    const [finding] = assessScopes(MICROSOFT, ['Tasks.ReadWrite.All']);
    expect(finding).toMatchObject({ kind: 'broad', risk: 'write-all', alternatives: ['Tasks.ReadWrite', 'Tasks.Read'] });
    expect(finding?.suggestion).toBeUndefined();
  });

  it('prefers exact entries over the pattern', () => {
    const [finding] = assessScopes(MICROSOFT, ['Files.ReadWrite.All']);
    expect(finding).toMatchObject({ risk: 'write-all', suggestion: 'Files.ReadWrite' });
  });

  it('does not report the documented narrower scopes', () => {
    expect(assessScopes(MICROSOFT, ['User.Read.All', 'User.ReadBasic.All', 'GroupMember.Read.All', 'Files.Read', 'Sites.Selected'])).toEqual([]);
  });

  it('handles the n8n Teams fixture (§8)', () => {
    expect(reported(MICROSOFT, 'openid offline_access User.ReadWrite.All Group.ReadWrite.All Chat.ReadWrite')).toEqual([
      'User.ReadWrite.All',
      'Group.ReadWrite.All',
      'Chat.ReadWrite',
    ]);
  });
});

describe('assessScopes: Salesforce, GitLab, GitHub', () => {
  it('Salesforce: full is broad (→ api), refresh_token and api are not', () => {
    const findings = assessScopes(provider('salesforce'), ['full', 'refresh_token']);
    expect(summary(findings)).toEqual([[0, 'broad', 'write-all']]);
    expect(findings[0]?.suggestion).toBe('api');
    expect(assessScopes(provider('salesforce'), ['api', 'refresh_token', 'offline_access', 'id'])).toEqual([]);
  });

  it('GitLab: api is broad (→ read_api), read scopes are not', () => {
    const [finding, ...rest] = assessScopes(provider('gitlab'), ['api', 'read_api', 'read_user', 'openid']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ index: 0, kind: 'broad', risk: 'write-all', suggestion: 'read_api' });
  });

  it('GitHub: repo, admin:org and delete_repo', () => {
    const findings = assessScopes(GITHUB, ['repo', 'admin:org', 'delete_repo']);
    expect(summary(findings)).toEqual([
      [0, 'broad', 'write-all'],
      [1, 'broad', 'admin'],
      [2, 'broad', 'delete'],
    ]);
    expect(findings[0]?.suggestion).toBeUndefined();
    expect(findings[0]?.alternatives).toContain('public_repo');
    expect(findings[1]?.suggestion).toBe('read:org');
    expect(findings[2]?.alternatives).toEqual([]);
  });

  it('GitHub: the Notion docs example `repo user` reports both', () => {
    expect(reported(GITHUB, 'repo user')).toEqual(['repo', 'user']);
  });

  it('GitHub: narrow scopes and child scopes are not reported', () => {
    expect(assessScopes(GITHUB, ['read:user', 'user:email', 'public_repo', 'repo:status', 'read:org', 'gist', 'REPO'])).toEqual([]);
  });

  it('GitHub: the old n8n default (§8) reports the broad ones and survives the `worfklow` typo', () => {
    const value = 'repo,admin:repo_hook,admin:org,admin:org_hook,gist,notifications,user,write:packages,read:packages,delete:packages,worfklow';
    const tokens = splitScopes(value);
    const findings = assessScopes(GITHUB, tokens.map((token) => token.scope));
    expect(findings.map((finding) => finding.scope)).toEqual([
      'repo',
      'admin:repo_hook',
      'admin:org',
      'admin:org_hook',
      'user',
      'write:packages',
      'delete:packages',
    ]);
    const hook = findings[1];
    expect(hook === undefined ? undefined : value.slice(tokens[hook.index]?.start, tokens[hook.index]?.end)).toBe('admin:repo_hook');
  });

  it('GitHub: an unlisted wildcard is a generic finding', () => {
    expect(summary(assessScopes(GITHUB, ['admin:*']))).toEqual([[0, 'generic', 'admin']]);
  });
});

describe('assessScopes: Slack', () => {
  const slack = provider('slack');

  it('reports admin and admin.* bot scopes', () => {
    expect(summary(assessScopes(slack, ['admin', 'admin.users:write', 'chat:write']))).toEqual([
      [0, 'broad', 'admin'],
      [1, 'broad', 'admin'],
    ]);
  });

  it('does not report channels:history as a bot scope (it is the narrow fix)', () => {
    expect(assessScopes(slack, ['channels:history', 'channels:read', 'chat:write', 'users:read'])).toEqual([]);
  });

  it('suggests chat:write for chat:write.public', () => {
    expect(assessScopes(slack, ['chat:write.public'])[0]).toMatchObject({ kind: 'broad', suggestion: 'chat:write' });
  });

  it('reports history and write scopes in user_scope', () => {
    const user = providerForScopeParam(slack, 'user_scope');
    expect(summary(assessScopes(user, ['channels:history', 'users:read', 'users.profile:write', 'stars:write']))).toEqual([
      [0, 'broad', 'read-all'],
      [2, 'broad', 'write-all'],
      [3, 'broad', 'write-all'],
    ]);
    // The bot-scope suggestion chat:write is itself broad as a user scope, so none is offered.
    expect(assessScopes(user, ['chat:write.public'])[0]?.suggestion).toBeUndefined();
  });
});

describe('assessScopes: pattern entries', () => {
  it('Zoom: :admin → user-level scope, exact read-all rows win', () => {
    const zoom = provider('zoom');
    expect(assessScopes(zoom, ['meeting:write:admin'])[0]).toMatchObject({ risk: 'admin', suggestion: 'meeting:write' });
    expect(assessScopes(zoom, ['recording:read:admin'])[0]).toMatchObject({ risk: 'read-all', suggestion: 'recording:read' });
    expect(assessScopes(zoom, ['account:master'])[0]).toMatchObject({ risk: 'admin', alternatives: [] });
    expect(assessScopes(zoom, ['meeting:read', 'meeting:read:list_meetings', ':admin'])).toEqual([]);
  });

  it('Asana, HubSpot, Okta substitute the matched part', () => {
    expect(assessScopes(provider('asana'), ['tasks:write'])[0]).toMatchObject({ suggestion: 'tasks:read' });
    expect(assessScopes(provider('asana'), ['attachments:delete'])[0]).toMatchObject({ risk: 'delete' });
    expect(assessScopes(provider('hubspot'), ['crm.objects.contacts.write'])[0]).toMatchObject({
      suggestion: 'crm.objects.contacts.read',
    });
    expect(assessScopes(provider('okta'), ['okta.logs.manage'])[0]).toMatchObject({ suggestion: 'okta.logs.read' });
    expect(assessScopes(provider('okta'), ['okta.roles.manage'])[0]?.suggestion).toBeUndefined();
  });

  it('Auth0 and Reddit treat * literally', () => {
    expect(summary(assessScopes(provider('auth0'), ['read:*', 'read:users', '*']))).toEqual([
      [0, 'broad', 'read-all'],
      [2, 'broad', 'admin'],
    ]);
    expect(summary(assessScopes(provider('reddit'), ['*', 'identity', 'read', 'modposts']))).toEqual([
      [0, 'broad', 'admin'],
      [3, 'broad', 'admin'],
    ]);
  });

  it('matchRiskyScope returns undefined outside the table', () => {
    expect(matchRiskyScope(GITHUB, 'gist')).toBeUndefined();
    expect(matchRiskyScope(provider('notion'), 'anything')).toBeUndefined();
  });
});

describe('assessScopes: unknown provider (generic signals)', () => {
  it.each([
    ['*', 'admin'],
    ['read:*', 'read-all'],
    ['files.*', 'admin'],
    ['Files.ReadWrite.All', 'write-all'],
    ['activity:read_all', 'read-all'],
    ['write:all', 'write-all'],
    ['all', 'read-all'],
    ['admin', 'admin'],
    ['admin:org', 'admin'],
    ['admin_mode', 'admin'],
    ['sudo', 'admin'],
    ['root_readwrite', 'admin'],
    ['meeting:write:admin', 'admin'],
    ['impersonate', 'admin'],
    ['delete_repo', 'delete'],
    ['files.permanent_delete', 'delete'],
    ['attachments:delete', 'delete'],
    ['full', 'write-all'],
    ['full_access', 'write-all'],
    ['deals:full', 'write-all'],
    ['write', 'write-all'],
    ['read_write', 'write-all'],
  ])('%s → generic %s', (scope, risk) => {
    expect(summary(assessScopes(undefined, [scope]))).toEqual([[0, 'generic', risk]]);
  });

  it.each([
    'read',
    'api',
    'boards:write',
    'boards:read',
    'manage:jira-webhook',
    'webhook:manage',
    'okta.users.manage',
    'offline_access',
    'offline.access',
    'refresh_token',
    'openid',
    'email',
    'profile',
    'read:user',
    'install',
    'call',
    'admin:read',
    'tasks:read',
    '.default',
    'https://example.test/.default',
  ])('%s is not reported', (scope) => {
    expect(assessScopes(undefined, [scope])).toEqual([]);
  });

  it('reads a trailing `admin` of a read scope as account-wide reading (Lever, Zoom spelling)', () => {
    expect(summary(assessScopes(undefined, ['opportunities:read:admin', 'postings:read']))).toEqual([[0, 'generic', 'read-all']]);
    expect(assessScopes(undefined, ['admin:read', 'read'])).toEqual([]);
  });

  it('reads a role ending in `admin` as administrative (Snowflake `session:role:ACCOUNTADMIN`), not `nonadmin`', () => {
    expect(summary(assessScopes(undefined, ['refresh_token', 'session:role:ACCOUNTADMIN']))).toEqual([[1, 'generic', 'admin']]);
    expect(summary(assessScopes(undefined, ['session:role:SYSADMIN']))).toEqual([[0, 'generic', 'admin']]);
    expect(assessScopes(undefined, ['session:role:ANALYST', 'users:nonadmin', 'role:notadmin'])).toEqual([]);
  });

  it('reports default only when it is the only scope', () => {
    expect(summary(assessScopes(undefined, ['default']))).toEqual([[0, 'generic', 'write-all']]);
    expect(assessScopes(undefined, ['default', 'openid'])).toEqual([]);
  });

  it('reports the bare `read write` pair on its write half', () => {
    expect(summary(assessScopes(undefined, ['read', 'write']))).toEqual([[1, 'generic', 'write-all']]);
  });

  it('does not apply non-wildcard generic signals to known providers', () => {
    expect(assessScopes(provider('miro'), ['boards:read', 'team:read'])).toEqual([]);
    expect(assessScopes(GITHUB, ['admin_mode', 'read:all'])).toEqual([]);
  });

  it('offers no suggestion for generic findings', () => {
    const [finding] = assessScopes(undefined, ['admin']);
    expect(finding?.suggestion).toBeUndefined();
    expect(finding?.alternatives).toEqual([]);
  });
});

describe('assessScopes: policy', () => {
  it('allowlist per provider id hides a scope', () => {
    expect(reported(GITHUB, 'repo delete_repo')).toEqual(['repo', 'delete_repo']);
    expect(assessScopes(GITHUB, ['repo', 'delete_repo'], { allow: { github: ['repo'] } }).map((f) => f.scope)).toEqual(['delete_repo']);
    expect(assessScopes(GITHUB, ['repo'], { allow: { gitlab: ['repo'] } })).toHaveLength(1);
  });

  it("allowlist '*' applies to every provider, known or not, with a trailing wildcard", () => {
    expect(assessScopes(GITHUB, ['admin:org', 'admin:repo_hook', 'repo'], { allow: { '*': ['admin:*'] } }).map((f) => f.scope)).toEqual(['repo']);
    expect(assessScopes(undefined, ['admin', 'sudo'], { allow: { '*': ['admin'] } }).map((f) => f.scope)).toEqual(['sudo']);
  });

  it('allowlist entries match Google scopes in either form', () => {
    expect(assessScopes(GOOGLE, [`${G}drive`], { allow: { google: ['drive'] } })).toEqual([]);
    expect(assessScopes(GOOGLE, ['drive'], { allow: { google: [`${G}drive`] } })).toEqual([]);
  });

  it('maxScopes adds one too-many finding last, counting distinct scopes', () => {
    const scopes = ['openid', 'email', 'profile', 'offline_access'];
    expect(assessScopes(undefined, scopes, { maxScopes: 4 })).toEqual([]);
    expect(assessScopes(undefined, scopes, { maxScopes: 3 })).toEqual([
      { index: -1, scope: '', kind: 'too-many', reason: 'requests 4 scopes; the limit is 3', alternatives: [] },
    ]);
    expect(assessScopes(undefined, ['openid', 'openid', ' '], { maxScopes: 1 })).toEqual([]);
    expect(assessScopes(GOOGLE, ['drive.file', `${G}drive.file`], { maxScopes: 1 })).toEqual([]);
    const findings = assessScopes(GITHUB, ['repo', 'gist'], { maxScopes: 1 });
    expect(findings.map((f) => f.kind)).toEqual(['broad', 'too-many']);
  });

  it('forbid reports extra scopes, exact or with a trailing wildcard', () => {
    expect(summary(assessScopes(GITHUB, ['gist', 'notifications'], { forbid: ['gist'] }))).toEqual([[0, 'forbidden', undefined]]);
    const [finding] = assessScopes(GITHUB, ['write:packages', 'read:packages'], { forbid: ['write:*'] });
    expect(finding).toMatchObject({ index: 0, kind: 'forbidden', risk: 'write-all', suggestion: 'read:packages' });
    expect(summary(assessScopes(undefined, ['calendar:read', 'contacts:read'], { forbid: ['contacts:*'] }))).toEqual([
      [1, 'forbidden', undefined],
    ]);
  });

  it('forbid beats allow and never-broad scopes', () => {
    expect(summary(assessScopes(GITHUB, ['repo'], { allow: { github: ['repo'] }, forbid: ['repo'] }))).toEqual([
      [0, 'forbidden', 'write-all'],
    ]);
    expect(summary(assessScopes(GOOGLE, ['openid'], { forbid: ['openid'] }))).toEqual([[0, 'forbidden', undefined]]);
  });

  it('forbid entries match Google scopes in either form', () => {
    expect(summary(assessScopes(GOOGLE, ['drive.file'], { forbid: [`${G}drive.file`] }))).toEqual([[0, 'forbidden', undefined]]);
    expect(summary(assessScopes(GOOGLE, [`${G}gmail.send`], { forbid: ['gmail.*'] }))).toEqual([[0, 'forbidden', undefined]]);
  });
});

describe('assessScopes: input handling', () => {
  it('skips empty entries but keeps indices, and returns the scope as written', () => {
    const findings = assessScopes(GITHUB, ['', ' repo ', 'gist']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ index: 1, scope: ' repo ' });
  });

  it('returns nothing for an empty list', () => {
    expect(assessScopes(GITHUB, [])).toEqual([]);
    expect(assessScopes(undefined, [], { maxScopes: 0 })).toEqual([]);
  });

  it('providers without scopes report nothing', () => {
    expect(assessScopes(provider('notion'), ['read_content', 'admin'])).toEqual([]);
  });
});
