/**
 * OAuth providers: reviewed data from ../shared/reference/oauth-scopes.md (section numbers in comments).
 *
 * Data rules:
 * - A `risky` entry is a scope the sheet lists in a provider's table, marked verified [V], confirmed [C] or from a
 *   third-party guide [T] (the section's own source marker applies to unmarked rows). Rows or names the sheet marks
 *   "unverified" are left out and named in a comment.
 * - Rows the sheet lists but that are the provider's usual narrow or unavoidable scope are left out on purpose
 *   (commented): the rule must stay quiet on documented narrow scopes.
 * - The sheet's plain "write" class maps to `write-all` (the closest of the four risk classes).
 * - `suggestion` is given only where one narrower scope is the usual fix (Google `drive` → `drive.file`) or the
 *   direct read/narrow counterpart of the same resource (`Mail.ReadWrite` → `Mail.Read`).
 *
 * Everything a docs table needs (id, name, separator, risky scopes with alternatives, docs URL) is on
 * `OAUTH_PROVIDERS`.
 */
import type { OAuthProvider, RiskClass, RiskyScope, ScopeParam } from './types.js';

/** Exact risky scope. */
function r(
  scope: string,
  risk: RiskClass,
  reason: string,
  alternatives: readonly string[] = [],
  suggestion?: string,
): RiskyScope {
  return suggestion === undefined
    ? { scope, risk, reason, alternatives }
    : { scope, risk, reason, alternatives, suggestion };
}

/** Pattern risky scope: one `*` in `scope`, substituted into alternatives and suggestion. */
function p(
  scope: string,
  risk: RiskClass,
  reason: string,
  alternatives: readonly string[] = [],
  suggestion?: string,
): RiskyScope {
  return { ...r(scope, risk, reason, alternatives, suggestion), pattern: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Risk lists shared by several entries
// ---------------------------------------------------------------------------------------------------------------

/** §3.4 Slack bot scopes (`scope`). `channels:history` etc. are the narrow fix in bot scope, so not listed here. */
const SLACK_BOT_RISKY: readonly RiskyScope[] = [
  r('admin', 'admin', 'administers the whole Enterprise org', ['users:read', 'channels:read']),
  r('client', 'write-all', 'legacy umbrella scope granting every client method', ['chat:write', 'channels:read']),
  r('bot', 'write-all', 'legacy umbrella bot scope granting every bot method', ['chat:write', 'channels:read']),
  r('chat:write.customize', 'write-all', 'posts under any name and icon', ['chat:write'], 'chat:write'),
  r('chat:write.public', 'write-all', 'posts to every public channel without joining', ['chat:write'], 'chat:write'),
  r('users:read.email', 'read-all', 'reads the email address of every member', ['users:read'], 'users:read'),
  p('admin.*', 'admin', 'org-wide admin scope (Enterprise org install only)', ['users:read', 'channels:read']),
];

/** Does `scope` match the entry (its scope, or its pattern with one `*`)? */
function entryMatches(entry: RiskyScope, scope: string): boolean {
  if (entry.pattern !== true) return entry.scope === scope;
  const star = entry.scope.indexOf('*');
  const head = entry.scope.slice(0, star);
  const tail = entry.scope.slice(star + 1);
  return scope.length > head.length + tail.length && scope.startsWith(head) && scope.endsWith(tail);
}

/**
 * §3.4 Slack user-token scopes (`authorizationParams.user_scope`): the token acts as the installing user. The bot
 * entries' alternatives are kept only where they are no risk as user scopes themselves (`chat:write` is one: a write
 * as the user; `channels:history` reads the user's archive): advice to request what the rule reports again is none.
 */
const SLACK_USER_RISKY: readonly RiskyScope[] = (() => {
  const own: readonly RiskyScope[] = [
    r('channels:history', 'read-all', "reads the user's whole public-channel archive; request it as a bot scope"),
    r('groups:history', 'read-all', "reads the user's private-channel archives; request it as a bot scope"),
    r('im:history', 'read-all', "reads the user's direct messages; request it as a bot scope"),
    r('mpim:history', 'read-all', "reads the user's group direct messages; request it as a bot scope"),
    r('search:read', 'read-all', 'searches every message and file the user can see; read channels with `channels:history` as a bot scope instead'),
    r('files:write', 'write-all', 'uploads and edits files as the user'),
    r('usergroups:write', 'write-all', 'changes user groups as the user'),
    r('users.profile:write', 'write-all', "edits the user's profile"),
  ];
  const all = [
    ...SLACK_BOT_RISKY.filter((entry) => entry.pattern !== true),
    ...own,
    ...SLACK_BOT_RISKY.filter((entry) => entry.pattern === true),
    p('*:write', 'write-all', 'writes as the installing user; request it as a bot scope instead'),
  ];
  const riskyAsUser = (scope: string): boolean => all.some((entry) => entryMatches(entry, scope));
  return all.map((entry) => {
    const alternatives = entry.alternatives.filter((alternative) => !riskyAsUser(alternative));
    if (alternatives.length === entry.alternatives.length) return entry;
    const suggestion = entry.suggestion !== undefined && alternatives.includes(entry.suggestion) ? entry.suggestion : undefined;
    // what the bot entry advised is still the way, as a bot scope
    const dropped = entry.alternatives.filter((alternative) => !alternatives.includes(alternative)).map((alternative) => `\`${alternative}\``);
    const reason = `${entry.reason}; request ${dropped.join(' or ')} as a bot scope instead`;
    const narrowed = r(entry.scope, entry.risk, reason, alternatives, suggestion);
    return entry.pattern === true ? { ...narrowed, pattern: true } : narrowed;
  });
})();

const SLACK_USER_SCOPE: ScopeParam = {
  param: 'user_scope',
  note: 'user-token scopes: the token acts as the installing user; prefer bot scopes in `scope`',
  risky: SLACK_USER_RISKY,
};

// ---------------------------------------------------------------------------------------------------------------
// Providers (§2 index for hosts and separators, §3 for risk tables)
// ---------------------------------------------------------------------------------------------------------------

export const OAUTH_PROVIDERS: readonly OAuthProvider[] = [
  // §3.1 GitHub [V GH]. GHES hosts ({host}/login/oauth/…) are not recognisable by host.
  {
    id: 'github',
    name: 'GitHub',
    hosts: ['github.com'],
    managedProviders: ['github'],
    packages: [
      'passport-github',
      'passport-github2',
      '@octokit/auth-oauth-app',
      '@octokit/auth-oauth-user',
      '@octokit/oauth-app',
      '@octokit/oauth-methods',
    ],
    separator: 'space',
    emptyScope: 'public',
    note: 'OAuth apps cannot read private repositories without `repo`; a GitHub App with fine-grained permissions can',
    risky: [
      r('admin:enterprise', 'admin', 'administers the whole enterprise', ['read:enterprise'], 'read:enterprise'),
      r('site_admin', 'admin', 'GitHub Enterprise Server site administration'),
      r('admin:org', 'admin', 'full control of the organization, its teams and members', ['read:org', 'write:org'], 'read:org'),
      r('admin:org_hook', 'admin', 'full control of organization webhooks'),
      r('admin:repo_hook', 'admin', 'full control of repository webhooks', ['read:repo_hook', 'write:repo_hook'], 'write:repo_hook'),
      r('admin:public_key', 'admin', "full control of the user's SSH keys", ['read:public_key'], 'read:public_key'),
      r('admin:gpg_key', 'admin', "full control of the user's GPG keys", ['read:gpg_key'], 'read:gpg_key'),
      r('delete_repo', 'delete', 'deletes any repository the user administers'),
      r('delete:packages', 'delete', 'deletes packages', ['read:packages'], 'read:packages'),
      r(
        'repo',
        'write-all',
        'read/write to every private repository, plus org projects, invites, teams and webhooks',
        ['public_repo', 'repo:status', 'repo_deployment', 'security_events'],
      ),
      r('workflow', 'write-all', 'edits GitHub Actions workflows (runs code in CI)'),
      r('user', 'write-all', "writes the user's profile", ['read:user', 'user:email'], 'read:user'),
      r('write:packages', 'write-all', 'publishes packages', ['read:packages'], 'read:packages'),
      r('codespace', 'write-all', 'creates and manages codespaces (compute)'),
      r('project', 'write-all', 'read/write to user and org projects', ['read:project'], 'read:project'),
      r('read:audit_log', 'read-all', "reads the organization's audit log"),
    ],
    docsUrl: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps',
  },
  // §3.2 Google [V G-API, G-RS]. Left out: `drive.metadata.readonly` (restricted tier, but the sheet and Notion's own
  // worker template use it as the narrow default and list it as the narrower option for `drive`); `admin.directory.*`
  // (tier and alternatives unverified). Legacy endpoints (`www.googleapis.com/oauth2/v4/token`) unverified.
  {
    id: 'google',
    name: 'Google',
    hosts: ['accounts.google.com', 'oauth2.googleapis.com'],
    managedProviders: ['google'],
    packages: [
      'googleapis',
      'google-auth-library',
      'passport-google-oauth',
      'passport-google-oauth20',
      'passport-google-oauth2',
    ],
    aliases: ['gmail', 'gdrive', 'gcal', 'gsheets', 'googleapis'],
    separator: 'space',
    scopePrefix: 'https://www.googleapis.com/auth/',
    note: 'restricted scopes need Google verification and a security assessment; `access_type=offline` is fine',
    risky: [
      r(
        'https://mail.google.com/',
        'delete',
        'full Gmail access including IMAP/SMTP and permanent deletion (restricted)',
        ['gmail.readonly', 'gmail.send', 'gmail.labels', 'gmail.metadata'],
      ),
      r('gmail.modify', 'write-all', 'reads, sends and changes every message (restricted)', ['gmail.readonly', 'gmail.send', 'gmail.labels']),
      r('gmail.compose', 'write-all', 'manages drafts and sends mail (restricted)', ['gmail.send'], 'gmail.send'),
      r('gmail.insert', 'write-all', 'inserts messages into the mailbox (restricted)', ['gmail.send']),
      r('gmail.settings.basic', 'write-all', 'changes mail settings and filters (restricted)', ['gmail.send']),
      r('gmail.settings.sharing', 'admin', 'sets forwarding and delegates (restricted)', ['gmail.send']),
      r('gmail.readonly', 'read-all', 'reads every message (restricted)', ['gmail.metadata']),
      r(
        'drive',
        'write-all',
        'reads, writes and deletes every Drive file (restricted)',
        ['drive.file', 'drive.readonly', 'drive.metadata.readonly'],
        'drive.file',
      ),
      r('drive.readonly', 'read-all', 'reads every Drive file (restricted)', ['drive.file', 'drive.appdata']),
      r('drive.metadata', 'read-all', 'reads and edits the metadata of every Drive file (restricted)', ['drive.file', 'drive.metadata.readonly']),
      r('drive.activity', 'read-all', 'reads the activity of every Drive file (restricted)', ['drive.file']),
      p('drive.activity.*', 'read-all', 'reads the activity of every Drive file (restricted)', ['drive.file']),
      r('drive.scripts', 'write-all', 'changes Apps Script behaviour on Drive (restricted)', ['drive.file']),
      r('drive.meet.readonly', 'read-all', 'reads every Meet file on Drive (restricted)', ['drive.file']),
      r(
        'spreadsheets',
        'write-all',
        'reads and writes every spreadsheet (sensitive)',
        ['drive.file', 'spreadsheets.readonly'],
      ),
      r(
        'calendar',
        'write-all',
        'edits, shares and permanently deletes every calendar (sensitive)',
        ['calendar.events', 'calendar.readonly', 'calendar.events.readonly', 'calendar.freebusy', 'calendar.events.owned', 'calendar.app.created'],
      ),
      r(
        'cloud-platform',
        'admin',
        'every Google Cloud API the identity can reach',
        ['cloud-platform.read-only', 'devstorage.read_only', 'bigquery.readonly', 'compute.readonly'],
      ),
    ],
    docsUrl: 'https://support.google.com/cloud/answer/13464325',
  },
  // §3.3 Microsoft Graph / Entra ID [V MS]. `Files.ReadWrite.AppFolder` and sovereign-cloud hosts unverified.
  // `*.Read.All` is not a pattern here: `User.Read.All`, `User.ReadBasic.All`, `GroupMember.Read.All` are the
  // documented narrower options.
  {
    id: 'microsoft',
    name: 'Microsoft',
    hosts: ['login.microsoftonline.com'],
    packages: ['passport-azure-ad', 'passport-microsoft', '@azure/msal-node', '@azure/msal-browser'],
    aliases: ['azure', 'azuread', 'entra', 'msgraph', 'outlook', 'onedrive', 'sharepoint', 'office365'],
    separator: 'space',
    scopePrefix: 'https://graph.microsoft.com/',
    opaqueScopes: ['.default'],
    caseInsensitiveScopes: true,
    note: '`.default` grants every permission on the app registration: list explicit delegated scopes instead',
    risky: [
      r('Directory.ReadWrite.All', 'admin', 'writes the whole tenant directory', ['User.Read', 'User.ReadBasic.All']),
      r('RoleManagement.ReadWrite.Directory', 'admin', 'assigns directory roles (tenant takeover path)', ['User.Read', 'User.ReadBasic.All']),
      r('AppRoleAssignment.ReadWrite.All', 'admin', 'grants app permissions (tenant takeover path)', ['User.Read', 'User.ReadBasic.All']),
      r('Application.ReadWrite.All', 'admin', 'changes every app registration and its credentials', ['User.Read', 'User.ReadBasic.All']),
      r('PrivilegedAccess.ReadWrite.AzureAD', 'admin', 'manages privileged role access', ['User.Read', 'User.ReadBasic.All']),
      r('Organization.ReadWrite.All', 'admin', 'changes the organization settings', ['User.Read', 'User.ReadBasic.All']),
      r('Directory.Read.All', 'read-all', 'reads the whole tenant directory', ['User.Read.All'], 'User.Read.All'),
      r('Directory.AccessAsUser.All', 'admin', 'acts on the directory with all the user’s rights', ['User.Read.All']),
      r('User.ReadWrite.All', 'admin', 'writes every user in the tenant', ['User.Read', 'User.ReadBasic.All', 'User.Read.All']),
      r('Group.ReadWrite.All', 'admin', 'writes every group in the tenant', ['GroupMember.Read.All']),
      r('GroupMember.ReadWrite.All', 'admin', 'changes the members of every group', ['GroupMember.Read.All'], 'GroupMember.Read.All'),
      r('Mail.ReadWrite', 'write-all', 'reads, changes and deletes every message', ['Mail.Read', 'Mail.Send'], 'Mail.Read'),
      r('Mail.ReadWrite.Shared', 'write-all', 'reads and changes mail in every mailbox shared with the user', ['Mail.Read', 'Mail.Send']),
      r('Mail.Send.Shared', 'write-all', 'sends mail as other mailboxes shared with the user', ['Mail.Send'], 'Mail.Send'),
      r(
        'Files.ReadWrite.All',
        'write-all',
        'writes every file the user can reach',
        ['Files.ReadWrite', 'Files.Read', 'Files.Read.Selected', 'Files.ReadWrite.Selected'],
        'Files.ReadWrite',
      ),
      r('Sites.FullControl.All', 'admin', 'full control of every SharePoint site', ['Sites.Selected', 'Sites.Read.All']),
      r('Sites.Manage.All', 'admin', 'manages lists and libraries of every site', ['Sites.Selected', 'Sites.Read.All']),
      r('Sites.ReadWrite.All', 'write-all', 'writes every SharePoint site', ['Sites.Selected', 'Sites.Read.All']),
      r('Calendars.ReadWrite', 'write-all', "writes the user's calendars", ['Calendars.Read'], 'Calendars.Read'),
      r('Calendars.ReadWrite.Shared', 'write-all', 'writes calendars shared with the user', ['Calendars.Read']),
      r('Chat.ReadWrite', 'write-all', "reads and writes every chat of the user", ['Chat.Read'], 'Chat.Read'),
      r('ChannelMessage.Read.All', 'read-all', 'reads every channel message the user can reach'),
      p('*.ReadWrite.All', 'write-all', 'writes across the whole tenant, not just the user’s own data', ['*.ReadWrite', '*.Read']),
    ],
    docsUrl: 'https://learn.microsoft.com/entra/identity-platform/scopes-oidc',
  },
  // §3.4 Slack [V]. Comma-separated.
  {
    id: 'slack',
    name: 'Slack',
    hosts: ['slack.com'],
    packages: ['passport-slack', 'passport-slack-oauth2', '@slack/oauth'],
    separator: 'comma',
    scopeParams: [SLACK_USER_SCOPE],
    note: '`scope` holds bot scopes; `user_scope` (authorizationParams) acts as the installing user',
    risky: SLACK_BOT_RISKY,
    docsUrl: 'https://api.slack.com/authentication/oauth-v2',
  },
  // §3.5 Atlassian [C/T]. Left out: `manage:jira-webhook`/`manage:jira-data-provider` (needed to register webhooks),
  // `read:jira-work` (Atlassian's recommended classic read scope; its granular replacement name is unverified),
  // Confluence space-permission scopes (names unverified).
  {
    id: 'atlassian',
    name: 'Atlassian (Jira, Confluence)',
    hosts: ['auth.atlassian.com'],
    packages: ['passport-atlassian-oauth2'],
    aliases: ['jira', 'confluence'],
    separator: 'space',
    risky: [
      r('manage:jira-configuration', 'admin', 'global Jira administration (projects, fields, workflows)'),
      r('manage:jira-project', 'admin', 'changes project settings, versions and components'),
      r(
        'write:jira-work',
        'write-all',
        'creates, edits and deletes issues, comments and worklogs',
        ['read:jira-work', 'write:comment:jira'],
        'read:jira-work',
      ),
      r('manage:confluence-configuration', 'admin', 'global Confluence administration'),
      r('write:confluence-space', 'admin', 'creates and changes spaces'),
      r('write:confluence-content', 'write-all', 'writes every page the user can reach', ['read:confluence-content.all', 'read:page:confluence']),
      r('read:confluence-content.all', 'read-all', 'reads all content the user can reach', ['read:page:confluence'], 'read:page:confluence'),
      r('delete:page:confluence', 'delete', 'deletes pages'),
      r('delete:attachment:confluence', 'delete', 'deletes attachments'),
    ],
    docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/',
  },
  // §3.6 GitLab [V]. Self-managed hosts ({host}/oauth/authorize) are not recognisable by host.
  {
    id: 'gitlab',
    name: 'GitLab',
    hosts: ['gitlab.com'],
    packages: ['passport-gitlab2'],
    separator: 'space',
    risky: [
      r('sudo', 'admin', 'acts as any user when an admin authorises'),
      r('admin_mode', 'admin', 'administrator actions'),
      r('api', 'write-all', 'read/write to every group, project and registry', ['read_api', 'read_repository', 'read_user'], 'read_api'),
      r('write_repository', 'write-all', 'pushes to every repository', ['read_repository'], 'read_repository'),
      r('write_registry', 'write-all', 'pushes to every container registry', ['read_registry'], 'read_registry'),
      r('create_runner', 'admin', 'registers CI runners'),
      r('manage_runner', 'admin', 'manages CI runners'),
      r('k8s_proxy', 'admin', 'talks to Kubernetes clusters through the agent'),
    ],
    docsUrl: 'https://docs.gitlab.com/security/tokens/access_token_scopes/',
  },
  // §3.7 Bitbucket Cloud [V]. Whether a `scope` parameter narrows the consumer permissions is unverified.
  {
    id: 'bitbucket',
    name: 'Bitbucket Cloud',
    hosts: ['bitbucket.org'],
    packages: ['passport-bitbucket-oauth2'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'permissions are chosen on the OAuth consumer; review them there',
    risky: [
      r('repository:admin', 'admin', 'deploy keys, permissions, branch rules, webhooks, transfer', ['repository:write', 'repository']),
      r('repository:delete', 'delete', 'deletes repositories'),
      r('account:write', 'admin', "changes (and can delete) the user's account", ['account', 'email'], 'account'),
      r('team:write', 'admin', 'manages workspace membership', ['team'], 'team'),
      r('project:admin', 'admin', 'administers projects', ['repository']),
      r('pipeline:variable', 'admin', 'reads and writes pipeline variables (secrets)', ['pipeline'], 'pipeline'),
      r('pipeline:write', 'admin', 'runs and stops pipelines', ['pipeline'], 'pipeline'),
      r('runner:write', 'admin', 'manages pipeline runners', ['runner'], 'runner'),
      r('repository:write', 'write-all', 'pushes to every repository', ['repository'], 'repository'),
      r('pullrequest:write', 'write-all', 'creates and merges pull requests', ['pullrequest'], 'pullrequest'),
    ],
    docsUrl: 'https://developer.atlassian.com/cloud/bitbucket/bitbucket-cloud-rest-api-scopes/',
  },
  // §3.8 Salesforce [V/T]. Left out: `api` (unavoidable for REST; narrow the integration user instead), `web`/
  // `visualforce`/`lightning`/`content` and product scopes (no risk class in the sheet). `refresh_token` is a
  // synonym of `offline_access`, never broad.
  {
    id: 'salesforce',
    name: 'Salesforce',
    hosts: ['.salesforce.com', '.my.site.com'],
    managedProviders: ['salesforce'],
    packages: ['jsforce', 'passport-salesforce', 'passport-forcedotcom'],
    aliases: ['sfdc'],
    separator: 'space',
    emptyScope: 'app-config',
    note: '`api` is needed for REST; restrict the integration user’s profile instead',
    risky: [r('full', 'write-all', 'everything the user can access, including every other scope', ['api', 'api refresh_token'], 'api')],
    docsUrl: 'https://developer.salesforce.com/docs/platform/mobile-sdk/guide/oauth-scope-parameter-values.html',
  },
  // §3.9 HubSpot [V/T]. Left out (names unverified): `settings.users.write`, `account-info.security.read`,
  // `*.sensitive.*`/`*.highly_sensitive.*`.
  {
    id: 'hubspot',
    name: 'HubSpot',
    hosts: ['app.hubspot.com', 'api.hubapi.com'],
    packages: ['@hubspot/api-client'],
    separator: 'space',
    scopeParams: [{ param: 'optional_scope', note: 'requested only when the account has the feature' }],
    risky: [
      r('contacts', 'write-all', 'legacy umbrella scope for all CRM contacts', ['crm.objects.contacts.read']),
      r('content', 'write-all', 'legacy umbrella scope for all website content'),
      r('automation', 'write-all', 'legacy umbrella scope for all workflows'),
      r('files', 'write-all', 'legacy umbrella scope for all files'),
      r('e-commerce', 'write-all', 'legacy umbrella scope for all products and line items'),
      p('crm.schemas.*.write', 'admin', 'changes the CRM object schema', ['crm.schemas.*.read'], 'crm.schemas.*.read'),
      p('crm.objects.*.write', 'write-all', 'writes every record of the object', ['crm.objects.*.read'], 'crm.objects.*.read'),
    ],
    docsUrl: 'https://developers.hubspot.com/scopes',
  },
  // §3.10 Linear [V]. Comma-separated; `read` is always present.
  {
    id: 'linear',
    name: 'Linear',
    hosts: ['linear.app', 'api.linear.app'],
    packages: ['@linear/sdk'],
    separator: 'comma',
    emptyScope: 'default',
    risky: [
      r('admin', 'admin', 'full workspace administration (Linear: never ask for it unless absolutely needed)'),
      r('write', 'write-all', 'writes everything in the workspace', ['issues:create', 'comments:create']),
    ],
    docsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
  },
  // §3.11 Notion: no OAuth scopes.
  {
    id: 'notion',
    name: 'Notion',
    hosts: ['api.notion.com'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'Notion has no OAuth scopes: restrict the integration capabilities and the pages the user shares',
    risky: [],
    docsUrl: 'https://developers.notion.com/reference/capabilities',
  },
  // §3.12 Dropbox [V/C]. Left out: `files.content.read` (read-all only on a Full Dropbox app; app type not visible).
  {
    id: 'dropbox',
    name: 'Dropbox',
    hosts: ['www.dropbox.com', 'api.dropboxapi.com'],
    packages: ['dropbox', 'passport-dropbox-oauth2'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'an empty scope requests every permission of the app; `include_granted_scopes` widens the grant',
    risky: [
      p('team_data.*', 'admin', 'team-wide data administration', ['team_info.read']),
      r('team_info.write', 'admin', 'changes team information', ['team_info.read'], 'team_info.read'),
      r('members.write', 'admin', 'adds and changes team members', ['team_info.read']),
      r('members.delete', 'admin', 'removes team members', ['team_info.read']),
      r('groups.write', 'admin', 'manages team groups', ['team_info.read']),
      r('sessions.modify', 'admin', "revokes members' sessions", ['team_info.read']),
      r('events.write', 'admin', 'changes team event settings', ['team_info.read']),
      r('files.team_metadata.write', 'admin', 'changes team folder metadata', ['team_info.read']),
      r('files.permanent_delete', 'delete', 'permanently deletes files'),
      r('files.content.write', 'write-all', 'writes every file', ['files.content.read'], 'files.content.read'),
      r('files.metadata.write', 'write-all', 'changes the metadata of every file', ['files.metadata.read'], 'files.metadata.read'),
      r('sharing.write', 'write-all', 'shares files and folders', ['sharing.read'], 'sharing.read'),
      r('file_requests.write', 'write-all', 'creates and changes file requests', ['file_requests.read'], 'file_requests.read'),
      r('account_info.write', 'write-all', 'changes account information', ['account_info.read'], 'account_info.read'),
      r('contacts.write', 'write-all', 'changes contacts', ['contacts.read'], 'contacts.read'),
    ],
    docsUrl: 'https://dropbox.tech/developers/customizing-scopes-in-oauth-flow',
  },
  // §3.13 Box [V]. Left out: `manage_webhook` (needed to register webhooks). Separator unverified.
  {
    id: 'box',
    name: 'Box',
    hosts: ['account.box.com', 'api.box.com'],
    packages: ['box-node-sdk'],
    separator: 'space',
    emptyScope: 'app-config',
    risky: [
      r('manage_enterprise', 'admin', 'enterprise administration'),
      r('manage_enterprise_properties', 'admin', 'changes enterprise properties'),
      r('manage_managed_users', 'admin', 'manages enterprise users'),
      r('manage_app_users', 'admin', 'manages app users'),
      r('manage_groups', 'admin', 'manages groups'),
      r('manage_data_retention', 'admin', 'changes retention policies'),
      r('manage_legal_hold', 'admin', 'changes legal holds'),
      r('root_readwrite', 'write-all', 'reads and writes every file and folder', ['root_readonly'], 'root_readonly'),
    ],
    docsUrl: 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/',
  },
  // §3.14 Zoom [V]. Separator comma per Nango [C] (unverified in docs).
  {
    id: 'zoom',
    name: 'Zoom',
    hosts: ['zoom.us'],
    separator: 'comma',
    risky: [
      r('recording:read:admin', 'read-all', "reads every recording of the account", ['recording:read'], 'recording:read'),
      r('meeting:read:admin', 'read-all', 'reads every meeting of the account', ['meeting:read'], 'meeting:read'),
      p('*:master', 'admin', 'reaches every sub-account (owner only)'),
      p('*:admin', 'admin', 'account-wide scope; needs an admin-managed app', ['*'], '*'),
    ],
    docsUrl: 'https://developers.zoom.us/docs/internal-apps/oauth-scopes-overview/',
  },
  // §3.15 Asana [C/V].
  {
    id: 'asana',
    name: 'Asana',
    hosts: ['app.asana.com'],
    packages: ['asana'],
    separator: 'space',
    risky: [
      r('default', 'write-all', 'legacy full-permission scope', ['tasks:read', 'projects:read']),
      p('*:delete', 'delete', 'deletes data'),
      p('*:write', 'write-all', 'writes data', ['*:read'], '*:read'),
    ],
    docsUrl: 'https://developers.asana.com/docs/oauth-scopes',
  },
  // §3.16 Discord [C/V]. Left out: `email`, `connections` (identity data, like OIDC `email`). The bot `permissions`
  // bitfield (ADMINISTRATOR = 8, MANAGE_GUILD = 32) is an authorization parameter, not a scope.
  {
    id: 'discord',
    name: 'Discord',
    hosts: ['discord.com'],
    packages: ['passport-discord'],
    separator: 'space',
    note: 'bot permissions come from the `permissions` bitfield parameter: keep ADMINISTRATOR (8) out of it',
    risky: [
      r('guilds.join', 'write-all', 'adds the user to servers'),
      r('gdm.join', 'write-all', 'adds the user to group DMs'),
      r('dm_channels.read', 'read-all', "reads the user's direct-message channels", ['identify']),
      r('messages.read', 'read-all', 'reads messages the user can see', ['identify']),
      r('applications.commands.permissions.update', 'admin', 'changes who may use application commands'),
      r('applications.builds.upload', 'admin', 'uploads application builds'),
    ],
    docsUrl: 'https://docs.discord.com/developers/platform/oauth2-and-permissions',
  },
  // §3.17 Spotify [C/T]. Left out: `user-read-email`, `user-read-private` (identity data).
  {
    id: 'spotify',
    name: 'Spotify',
    hosts: ['accounts.spotify.com'],
    packages: ['passport-spotify', 'spotify-web-api-node'],
    separator: 'space',
    emptyScope: 'public',
    risky: [
      r('playlist-modify-private', 'write-all', 'changes private playlists', ['playlist-read-private'], 'playlist-read-private'),
      r('playlist-modify-public', 'write-all', 'changes public playlists'),
      r('user-library-modify', 'write-all', "changes the user's library", ['user-library-read'], 'user-library-read'),
      r('user-follow-modify', 'write-all', 'follows and unfollows for the user', ['user-follow-read'], 'user-follow-read'),
      r('ugc-image-upload', 'write-all', 'uploads playlist images'),
      r('user-modify-playback-state', 'write-all', "controls the user's playback", ['user-read-playback-state'], 'user-read-playback-state'),
      r('app-remote-control', 'write-all', 'remote-controls the Spotify app'),
      r('streaming', 'write-all', 'plays content through the Web Playback SDK'),
    ],
    docsUrl: 'https://developer.spotify.com/documentation/general/guides/scopes',
  },
  // §3.18 Shopify [V]. Comma-separated. Left out: the admin row (`write_users`, `write_themes`, `write_script_tags`,
  // `write_payment_*`: names partly unverified) and `read_customers` (a normal resource scope).
  {
    id: 'shopify',
    name: 'Shopify',
    hosts: ['.myshopify.com'],
    packages: ['@shopify/shopify-api', 'passport-shopify'],
    separator: 'comma',
    note: 'a write scope also grants read of the same resource',
    risky: [
      r('read_all_orders', 'read-all', 'reads every order, beyond the recent window (needs Shopify approval)', ['read_orders'], 'read_orders'),
      r('write_orders', 'write-all', 'changes orders', ['read_orders'], 'read_orders'),
      r('write_products', 'write-all', 'changes products', ['read_products'], 'read_products'),
      r('write_customers', 'write-all', 'changes customers', ['read_customers'], 'read_customers'),
      r('write_inventory', 'write-all', 'changes inventory', ['read_inventory'], 'read_inventory'),
    ],
    docsUrl: 'https://shopify.dev/docs/api/usage/access-scopes',
  },
  // §3.19 Stripe Connect [V/T]. One value, `read_write` or `read_only`.
  {
    id: 'stripe-connect',
    name: 'Stripe Connect',
    hosts: ['connect.stripe.com'],
    aliases: ['stripe'],
    separator: 'space',
    emptyScope: 'default',
    risky: [
      r('read_write', 'write-all', 'payments, customers and refunds on the connected account', ['read_only'], 'read_only'),
    ],
    docsUrl: 'https://docs.stripe.com/connect/oauth-reference',
  },
  // §2 Stripe Apps [C Nango only]: per-resource permissions in the app manifest. `api.stripe.com` also serves the
  // whole Stripe API, so its OAuth paths are required.
  {
    id: 'stripe-app',
    name: 'Stripe Apps',
    hosts: ['marketplace.stripe.com', 'api.stripe.com'],
    paths: ['/oauth/v2', '/v1/oauth'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'permissions are declared in the app manifest',
    risky: [],
    docsUrl: 'https://docs.stripe.com/stripe-apps',
  },
  // §3.20 Figma [V]. Separator: comma per Nango, space per Arcade [C].
  {
    id: 'figma',
    name: 'Figma',
    hosts: ['www.figma.com', 'api.figma.com'],
    separator: 'comma',
    risky: [
      r(
        'files:read',
        'read-all',
        'deprecated: reads files, projects, users, versions, comments, components and webhooks',
        ['file_content:read', 'file_metadata:read'],
        'file_content:read',
      ),
      r('file_variables:write', 'write-all', 'changes variables', ['file_variables:read'], 'file_variables:read'),
      r('webhooks:write', 'write-all', 'creates and changes webhooks', ['webhooks:read'], 'webhooks:read'),
      r('file_dev_resources:write', 'write-all', 'changes dev resources', ['file_dev_resources:read'], 'file_dev_resources:read'),
      r('file_comments:write', 'write-all', 'posts and deletes comments', ['file_comments:read'], 'file_comments:read'),
    ],
    docsUrl: 'https://developers.figma.com/docs/rest-api/scopes/',
  },
  // §3.21 Airtable [T]. Left out: `workspacesAndBases:*` (names unverified).
  {
    id: 'airtable',
    name: 'Airtable',
    hosts: ['airtable.com'],
    separator: 'space',
    risky: [
      r('schema.bases:write', 'write-all', 'changes the structure of bases', ['schema.bases:read'], 'schema.bases:read'),
      r('data.records:write', 'write-all', 'writes records', ['data.records:read'], 'data.records:read'),
    ],
    docsUrl: 'https://airtable.com/developers/web/api/scopes',
  },
  // §3.22 Intercom [C Nango only]: no scopes in the request.
  {
    id: 'intercom',
    name: 'Intercom',
    hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com', 'api.intercom.io'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'permissions are ticked in the Intercom developer hub; a `scope` has no effect',
    risky: [],
    docsUrl: 'https://developers.intercom.com/',
  },
  // §3.23 Xero [V/T]. Left out: `accounting.contacts` and `payroll.*` (narrower names unverified).
  {
    id: 'xero',
    name: 'Xero',
    hosts: ['login.xero.com', 'identity.xero.com'],
    packages: ['xero-node'],
    separator: 'space',
    risky: [
      r(
        'accounting.transactions',
        'write-all',
        'deprecated broad scope (not available to apps created since March 2026)',
        ['accounting.invoices.read', 'accounting.payments.read', 'accounting.banktransactions.read'],
      ),
      r(
        'accounting.reports.read',
        'read-all',
        'deprecated broad scope (not available to apps created since March 2026)',
        ['accounting.reports.profitandloss.read', 'accounting.reports.balancesheet.read'],
      ),
      r('accounting.settings', 'admin', 'changes the chart of accounts and tax settings'),
    ],
    docsUrl: 'https://developer.xero.com/faq/granular-scopes',
  },
  // §3.24 QuickBooks [V/T]. Left out: `com.intuit.quickbooks.accounting` (no finer scope exists).
  {
    id: 'quickbooks',
    name: 'QuickBooks (Intuit)',
    hosts: ['appcenter.intuit.com', 'oauth.platform.intuit.com'],
    packages: ['intuit-oauth', 'node-quickbooks'],
    aliases: ['intuit', 'qbo'],
    separator: 'space',
    note: '`com.intuit.quickbooks.accounting` is the only accounting scope; add `payment` only to charge cards',
    risky: [r('com.intuit.quickbooks.payment', 'write-all', 'moves money (card and bank payments)')],
    docsUrl: 'https://developer.intuit.com/app/developer/qbo/docs/learn/scopes',
  },
  // §3.25 X (Twitter) [V]. `offline.access` (dot) is the refresh-token scope, never broad.
  {
    id: 'x',
    name: 'X (Twitter)',
    hosts: ['x.com', 'twitter.com', 'api.x.com', 'api.twitter.com'],
    packages: ['twitter-api-v2', 'passport-twitter'],
    aliases: ['twitter'],
    separator: 'space',
    risky: [
      r('dm.write', 'write-all', 'sends direct messages as the user'),
      r('dm.read', 'read-all', "reads the user's direct messages"),
      r('tweet.moderate.write', 'write-all', 'hides replies'),
      r('block.write', 'write-all', 'blocks accounts', ['block.read'], 'block.read'),
      r('mute.write', 'write-all', 'mutes accounts', ['mute.read'], 'mute.read'),
      r('follows.write', 'write-all', 'follows and unfollows accounts', ['follows.read'], 'follows.read'),
      r('like.write', 'write-all', 'likes posts', ['like.read'], 'like.read'),
      r('list.write', 'write-all', 'changes lists', ['list.read'], 'list.read'),
      r('tweet.write', 'write-all', 'posts as the user', ['tweet.read'], 'tweet.read'),
    ],
    docsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
  },
  // §3.26 LinkedIn [V/T]. Left out: `w_member_social` (the open, narrowest posting permission).
  {
    id: 'linkedin',
    name: 'LinkedIn',
    hosts: ['www.linkedin.com'],
    packages: ['passport-linkedin-oauth2'],
    separator: 'space',
    emptyScope: 'app-config',
    risky: [
      r('rw_organization_admin', 'admin', 'administers organisation pages', ['r_organization_social'], 'r_organization_social'),
      r('rw_company_admin', 'admin', 'legacy company page administration', ['r_organization_social'], 'r_organization_social'),
      r('r_organization_admin', 'admin', 'reads organisation administration data', ['r_organization_social'], 'r_organization_social'),
      r('w_organization_social', 'write-all', 'posts as the organisation', ['w_member_social', 'r_organization_social']),
      r('rw_ads', 'write-all', 'manages ad accounts'),
    ],
    docsUrl: 'https://learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow',
  },
  // §3.27 Facebook / Meta [V/C]. Comma-separated in FB.login.
  {
    id: 'facebook',
    name: 'Facebook (Meta)',
    hosts: ['www.facebook.com', 'graph.facebook.com'],
    packages: ['passport-facebook'],
    separator: 'comma',
    note: 'Facebook Login for Business bundles permissions in a `config_id`: review that configuration',
    risky: [
      r('business_management', 'admin', 'administers Business Manager', ['pages_show_list', 'pages_read_engagement']),
      r('ads_management', 'write-all', 'manages ads and spend', ['ads_read'], 'ads_read'),
      r('pages_manage_posts', 'write-all', 'publishes as the page', ['pages_read_engagement', 'pages_show_list']),
      r('pages_manage_metadata', 'write-all', 'changes page settings and webhooks', ['pages_read_engagement', 'pages_show_list']),
      r('pages_manage_ads', 'write-all', 'manages page ads', ['pages_read_engagement', 'pages_show_list']),
      r('pages_manage_engagement', 'write-all', 'manages comments and reactions', ['pages_read_engagement', 'pages_show_list']),
      r('pages_messaging', 'write-all', 'messages as the page', ['pages_read_engagement', 'pages_show_list']),
      r('instagram_content_publish', 'write-all', 'publishes to Instagram', ['instagram_basic'], 'instagram_basic'),
      r('leads_retrieval', 'read-all', 'reads lead form data (personal data)'),
      r('read_insights', 'read-all', 'reads page and app insights'),
      r('user_posts', 'read-all', "reads the user's posts"),
      r('user_photos', 'read-all', "reads the user's photos"),
      p('instagram_manage_*', 'write-all', 'manages the Instagram account', ['instagram_basic'], 'instagram_basic'),
    ],
    docsUrl: 'https://developers.facebook.com/docs/facebook-login/facebook-login-for-business/',
  },
  // §3.28 Zendesk [T/V]. Left out: `users:write`, `organizations:write`, `triggers:write`, `macros:write` (unverified).
  {
    id: 'zendesk',
    name: 'Zendesk',
    hosts: ['.zendesk.com'],
    separator: 'space',
    risky: [
      r('impersonate', 'admin', 'lets an admin act as any end user'),
      r('write', 'write-all', 'writes every resource', ['tickets:write', 'requests:write']),
      r('read', 'read-all', 'reads every resource', ['tickets:read', 'hc:read']),
    ],
    docsUrl: 'https://developer.zendesk.com/api-reference/ticketing/oauth/oauth_tokens/',
  },
  // §3.29 Okta [C/V]. Left out: `okta.idps.manage` (unverified), `groups` (an OIDC claim scope).
  {
    id: 'okta',
    name: 'Okta',
    hosts: ['.okta.com', '.oktapreview.com'],
    packages: ['@okta/okta-auth-js', '@okta/oidc-middleware'],
    separator: 'space',
    risky: [
      r('okta.roles.manage', 'admin', 'assigns admin roles'),
      r('okta.apps.manage', 'admin', 'changes every app integration'),
      r('okta.authorizationServers.manage', 'admin', 'changes authorization servers'),
      r('okta.policies.manage', 'admin', 'changes security policies'),
      r('okta.apiTokens.manage', 'admin', 'manages API tokens'),
      r('okta.clients.manage', 'admin', 'manages OAuth clients'),
      r('okta.users.manage', 'admin', 'creates, changes and deletes users', ['okta.users.read'], 'okta.users.read'),
      r('okta.groups.manage', 'admin', 'changes groups and memberships', ['okta.groups.read'], 'okta.groups.read'),
      p('okta.users.credentials.*', 'admin', "changes users' credentials"),
      p('okta.*.manage', 'admin', 'management scope (includes read)', ['okta.*.read'], 'okta.*.read'),
    ],
    docsUrl: 'https://developer.okta.com/docs/guides/implement-oauth-for-okta/scopes',
  },
  // §3.30 Auth0 [V]. `read:*` and `*` are literal scopes here (Auth0 accepts globs).
  {
    id: 'auth0',
    name: 'Auth0',
    hosts: ['.auth0.com'],
    packages: ['auth0', 'passport-auth0'],
    separator: 'space',
    risky: [
      r('*', 'admin', 'every scope'),
      r('read:*', 'read-all', 'reads everything'),
      r('create:clients', 'admin', 'creates applications'),
      r('update:clients', 'admin', 'changes applications'),
      r('delete:clients', 'admin', 'deletes applications'),
      r('update:client_keys', 'admin', 'rotates application secrets'),
      r('update:tenant_settings', 'admin', 'changes tenant settings'),
      r('delete:users', 'delete', 'deletes users', ['read:users'], 'read:users'),
      r('update:users', 'admin', 'changes users', ['read:users'], 'read:users'),
      r('create:users', 'admin', 'creates users', ['read:users'], 'read:users'),
      r('read:user_idp_tokens', 'admin', "reads users' identity-provider tokens", ['read:users'], 'read:users'),
      p('*:connections', 'admin', 'manages identity connections'),
      p('*:resource_servers', 'admin', 'manages APIs'),
      p('*:actions', 'admin', 'manages Actions code'),
    ],
    docsUrl: 'https://auth0.com/docs/users/manage-users-using-the-management-api',
  },
  // §3.31 DigitalOcean [V/T].
  {
    id: 'digitalocean',
    name: 'DigitalOcean',
    hosts: ['cloud.digitalocean.com'],
    separator: 'space',
    emptyScope: 'default',
    risky: [
      r('write', 'write-all', 'creates and destroys infrastructure', ['read'], 'read'),
      p('*:delete', 'delete', 'destroys resources'),
    ],
    docsUrl: 'https://docs.digitalocean.com/reference/api/oauth-api/',
  },
  // §3.32 Twitch [V]. Left out: `user:read:email` (identity data).
  {
    id: 'twitch',
    name: 'Twitch',
    hosts: ['id.twitch.tv'],
    packages: ['passport-twitch-new', '@twurple/auth'],
    separator: 'space',
    note: 'Twitch may suspend apps that request more scopes than they use',
    risky: [
      r('channel:moderate', 'admin', 'moderates the channel'),
      r('channel:manage:moderators', 'admin', 'adds and removes moderators'),
      r('channel:manage:vips', 'admin', 'adds and removes VIPs'),
      r('user:edit', 'write-all', "changes the user's profile"),
      r('user:edit:broadcast', 'write-all', 'changes broadcast settings'),
      r('channel:edit:commercial', 'write-all', 'runs commercials'),
      r('channel:read:stream_key', 'read-all', 'reads the stream key (a secret)'),
      r('whispers:read', 'read-all', "reads the user's whispers"),
      r('user:manage:whispers', 'write-all', 'sends whispers'),
      p('moderator:manage:*', 'admin', 'moderation action', ['moderator:read:*']),
      p('channel:manage:*', 'write-all', 'changes channel settings', ['channel:read:*']),
    ],
    docsUrl: 'https://dev.twitch.tv/docs/authentication/scopes/',
  },
  // §3.33 Reddit [T]. Separator unresolved (space or comma); `*` means every scope.
  {
    id: 'reddit',
    name: 'Reddit',
    hosts: ['www.reddit.com'],
    packages: ['snoowrap', 'passport-reddit'],
    separator: 'space',
    risky: [
      r('*', 'admin', 'every scope'),
      r('account', 'admin', 'changes account preferences'),
      r('privatemessages', 'read-all', "reads and sends the user's private messages"),
      r('history', 'read-all', "reads the user's voting and save history"),
      r('edit', 'write-all', 'edits posts and comments', ['read', 'identity']),
      r('submit', 'write-all', 'posts as the user', ['read', 'identity']),
      r('vote', 'write-all', 'votes as the user', ['read', 'identity']),
      r('subscribe', 'write-all', 'changes subscriptions', ['read', 'identity']),
      p('mod*', 'admin', 'moderator scope'),
    ],
    docsUrl: 'https://github.com/reddit-archive/reddit/wiki/OAuth2',
  },
  // §3.34 Strava [T]. Comma-separated.
  {
    id: 'strava',
    name: 'Strava',
    hosts: ['www.strava.com'],
    packages: ['passport-strava-oauth2'],
    separator: 'comma',
    risky: [
      r('activity:read_all', 'read-all', 'reads private activities and privacy zones', ['activity:read'], 'activity:read'),
      r('profile:read_all', 'read-all', 'reads the private profile', ['read']),
      r('read_all', 'read-all', 'reads private routes, segments and events', ['read'], 'read'),
      r('activity:write', 'write-all', 'creates and edits activities'),
      r('profile:write', 'write-all', 'changes the profile'),
    ],
    docsUrl: 'https://developers.strava.com/docs/authentication/',
  },
  // §3.35 Webflow [V]. Separator unverified.
  {
    id: 'webflow',
    name: 'Webflow',
    hosts: ['webflow.com', 'api.webflow.com'],
    separator: 'space',
    risky: [
      r('custom_code:write', 'admin', 'injects scripts site-wide'),
      r('sites:write', 'admin', 'publishes sites', ['sites:read'], 'sites:read'),
      r('site_config:write', 'admin', 'changes site configuration', ['site_config:read'], 'site_config:read'),
      r('workspace:write', 'admin', 'changes the workspace', ['workspace:read'], 'workspace:read'),
      r('users:write', 'admin', 'changes site users', ['users:read'], 'users:read'),
      r('cms:write', 'write-all', 'writes CMS collections', ['cms:read'], 'cms:read'),
      r('pages:write', 'write-all', 'writes pages', ['pages:read'], 'pages:read'),
      r('ecommerce:write', 'write-all', 'writes e-commerce data', ['ecommerce:read'], 'ecommerce:read'),
      r('forms:write', 'write-all', 'writes forms', ['forms:read'], 'forms:read'),
    ],
    docsUrl: 'https://developers.webflow.com/data/v2.0.0/reference/scopes',
  },
  // §3.36 Miro [V].
  {
    id: 'miro',
    name: 'Miro',
    hosts: ['miro.com', 'api.miro.com'],
    separator: 'space',
    risky: [
      r('organizations:teams:write', 'admin', 'changes organisation teams', ['organizations:teams:read'], 'organizations:teams:read'),
      r('organizations:groups:write', 'admin', 'changes organisation groups', ['organizations:groups:read'], 'organizations:groups:read'),
      r('team:write', 'admin', 'invites users and changes roles', ['team:read'], 'team:read'),
      r('auditlogs:read', 'read-all', 'reads the organisation audit log'),
      r('organizations:read', 'read-all', 'reads organisation data'),
      r('boards:write', 'write-all', 'writes every board', ['boards:read'], 'boards:read'),
    ],
    docsUrl: 'https://developers.miro.com/docs/scopes',
  },
  // §3.37 monday.com [V/T]. Left out: `account:read` (read of account details; the sheet's admin class is doubtful).
  {
    id: 'monday',
    name: 'monday.com',
    hosts: ['auth.monday.com'],
    separator: 'space',
    risky: [
      r('users:write', 'admin', 'changes users', ['users:read'], 'users:read'),
      r('teams:write', 'admin', 'changes teams', ['teams:read'], 'teams:read'),
      r('workspaces:write', 'admin', 'changes workspaces', ['workspaces:read'], 'workspaces:read'),
      r('boards:write', 'write-all', 'creates and deletes boards, columns and items', ['boards:read'], 'boards:read'),
    ],
    docsUrl: 'https://developer.monday.com/apps/docs/oauth',
  },
  // §3.38 ClickUp [C]: no scopes.
  {
    id: 'clickup',
    name: 'ClickUp',
    hosts: ['app.clickup.com', 'api.clickup.com'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'ClickUp OAuth cannot be narrowed: limit the workspaces the user authorises',
    risky: [],
    docsUrl: 'https://developer.clickup.com/docs/authentication',
  },
  // §3.39 Calendly [V]. Left out: organisation-management scopes (names unverified).
  {
    id: 'calendly',
    name: 'Calendly',
    hosts: ['auth.calendly.com'],
    separator: 'space',
    risky: [p('*:write', 'write-all', 'writes data (includes read of the same domain)', ['*:read'], '*:read')],
    docsUrl: 'https://developer.calendly.com/docs/authentication/scopes',
  },
  // §3.40 Pipedrive [V]. All-or-nothing consent; scopes chosen in the Developer Hub.
  {
    id: 'pipedrive',
    name: 'Pipedrive',
    hosts: ['oauth.pipedrive.com'],
    separator: 'space',
    emptyScope: 'app-config',
    note: 'scopes are chosen in the Developer Hub and users accept all or none',
    risky: [
      r('admin', 'admin', 'changes pipelines, stages, fields and user settings'),
      r('mail:read', 'read-all', 'reads mailbox data'),
      p('*:full', 'write-all', 'full access including deletes', ['*:read'], '*:read'),
    ],
    docsUrl: 'https://pipedrive.readme.io/docs/marketplace-scopes-and-permissions-explanations',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------------------------

const BY_ID = new Map<string, OAuthProvider>(OAUTH_PROVIDERS.map((provider) => [provider.id, provider]));

export function findProviderById(id: string): OAuthProvider | undefined {
  return BY_ID.get(id);
}

function hostMatches(host: string, entry: string): number {
  if (entry.startsWith('.')) {
    const bare = entry.slice(1);
    if (host === bare || host.endsWith(entry)) return entry.length;
    return -1;
  }
  return host === entry ? entry.length + 1 : -1;
}

function pathMatches(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  if (path.length === prefix.length || prefix.endsWith('/')) return true;
  return path.charAt(prefix.length) === '/';
}

/**
 * Provider of an authorization or token endpoint. Matches the URL host exactly, or a suffix entry (`.zendesk.com`),
 * and the path when the provider lists `paths`. A missing scheme is read as `https://`. Undefined for unknown hosts,
 * unparseable URLs and non-HTTP schemes. The most specific host entry wins.
 */
export function findProviderByUrl(url: string): OAuthProvider | undefined {
  const text = url.trim();
  if (text === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  let host = parsed.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return undefined;
  let best: OAuthProvider | undefined;
  let bestScore = -1;
  for (const provider of OAUTH_PROVIDERS) {
    if (provider.paths !== undefined && !provider.paths.some((prefix) => pathMatches(parsed.pathname, prefix))) {
      continue;
    }
    for (const entry of provider.hosts) {
      const score = hostMatches(host, entry);
      if (score > bestScore) {
        best = provider;
        bestScore = score;
      }
    }
  }
  return best;
}

/**
 * Provider of a Notion-managed `provider` value (`worker.oauth(key, { name, provider: 'google' })`). Values listed in
 * `managedProviders` come first; otherwise a value equal to a provider id (case-insensitive) matches.
 */
export function findProviderByManaged(name: string): OAuthProvider | undefined {
  const value = name.trim().toLowerCase();
  if (value === '') return undefined;
  return (
    OAUTH_PROVIDERS.find((provider) => provider.managedProviders?.includes(value) === true) ?? BY_ID.get(value)
  );
}

/** Words that name a provider (id without dashes, aliases), each mapped to its provider ids. Length ≥ 3 only. */
const NAME_WORDS: ReadonlyMap<string, readonly string[]> = (() => {
  const words = new Map<string, string[]>();
  const add = (word: string, id: string): void => {
    if (word.length < 3) return;
    const ids = words.get(word) ?? [];
    if (!ids.includes(id)) ids.push(id);
    words.set(word, ids);
  };
  for (const provider of OAUTH_PROVIDERS) {
    add(provider.id.split('-').join(''), provider.id);
    for (const alias of provider.aliases ?? []) add(alias, provider.id);
  }
  return words;
})();

/** `passport-<word>…` family words derived from the listed passport packages (`passport-azure-ad` → `azure`). */
const PASSPORT_FAMILIES: ReadonlyMap<string, string> = (() => {
  const families = new Map<string, string>();
  for (const provider of OAUTH_PROVIDERS) {
    for (const pkg of provider.packages ?? []) {
      const word = passportWord(pkg);
      if (word !== undefined && !families.has(word)) families.set(word, provider.id);
    }
  }
  return families;
})();

function trimTrailingDigits(word: string): string {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) >= 48 && word.charCodeAt(end - 1) <= 57) end -= 1;
  return word.slice(0, end);
}

function passportWord(pkg: string): string | undefined {
  if (!pkg.startsWith('passport-')) return undefined;
  const word = trimTrailingDigits(pkg.slice('passport-'.length).split('-')[0] ?? '');
  return word.length >= 3 ? word : undefined;
}

/**
 * Provider implied by an npm package (`googleapis`, `@octokit/auth-oauth-app`, `passport-github2`). Subpath imports
 * (`googleapis/build/src/apis/drive`) count. Passport strategies also match by family: `passport-google-oauth2`,
 * `passport-azure-ad-oauth2`, or `passport-<provider id>`.
 */
export function findProviderByPackage(pkg: string): OAuthProvider | undefined {
  const text = pkg.trim().toLowerCase();
  if (text === '') return undefined;
  const parts = text.split('/');
  const name = text.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  const exact = OAUTH_PROVIDERS.find((provider) => provider.packages?.includes(name) === true);
  if (exact !== undefined) return exact;
  const word = passportWord(name);
  if (word === undefined) return undefined;
  const id = PASSPORT_FAMILIES.get(word) ?? (NAME_WORDS.get(word)?.length === 1 ? NAME_WORDS.get(word)?.[0] : undefined);
  return id === undefined ? undefined : BY_ID.get(id);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Splits `myGitHubAuth`, `google_drive`, `MSGraph`, `HUBSPOT-app` into lower-case words. Linear time. */
export function nameWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const alnum = isUpper(code) || isLower(code) || isDigit(code);
    if (!alnum) {
      if (current !== '') words.push(current.toLowerCase());
      current = '';
      continue;
    }
    if (current !== '' && isUpper(code)) {
      const prev = text.charCodeAt(i - 1);
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(next))) {
        words.push(current.toLowerCase());
        current = '';
      }
    }
    current += text.charAt(i);
  }
  if (current !== '') words.push(current.toLowerCase());
  return words;
}

/**
 * Provider named by a config name or key (`googleDrive`, `my-github`, `GitHubAuth`, `JIRA_OAUTH`). Word-based and
 * conservative: a provider word must be a whole word or 2–3 joined words (`Git`+`Hub`); a match inside a longer
 * match is ignored (`DropBox` is Dropbox, not Box); Notion only counts when no other provider is named (worker names
 * often mention it); two different providers give undefined.
 */
export function findProviderByName(text: string): OAuthProvider | undefined {
  const words = nameWords(text);
  const matches: { start: number; end: number; length: number; ids: readonly string[] }[] = [];
  for (let i = 0; i < words.length; i += 1) {
    let joined = '';
    for (let j = i; j < words.length && j < i + 3; j += 1) {
      joined += words[j];
      const ids = NAME_WORDS.get(joined);
      if (ids !== undefined) matches.push({ start: i, end: j, length: joined.length, ids });
    }
  }
  const found = new Set<string>();
  for (const match of matches) {
    const shadowed = matches.some(
      (other) => other !== match && other.length > match.length && other.start <= match.start && other.end >= match.end,
    );
    if (!shadowed) for (const id of match.ids) found.add(id);
  }
  if (found.size > 1) found.delete('notion');
  if (found.size !== 1) return undefined;
  const [id] = found;
  return id === undefined ? undefined : BY_ID.get(id);
}

/**
 * The provider as seen from another scope-carrying parameter (`user_scope` of Slack): same id and hosts, that
 * parameter's risk list. Undefined when the provider does not list the parameter.
 */
export function providerForScopeParam(provider: OAuthProvider, param: string): OAuthProvider | undefined {
  const entry = provider.scopeParams?.find((candidate) => candidate.param === param);
  if (entry === undefined) return undefined;
  return entry.risky === undefined ? provider : { ...provider, risky: entry.risky };
}
