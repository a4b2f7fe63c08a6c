import { describe, it, expect } from 'vitest';
import {
  OAUTH_PROVIDERS,
  findProviderById,
  findProviderByManaged,
  findProviderByName,
  findProviderByPackage,
  findProviderByUrl,
  nameWords,
  providerForScopeParam,
} from '../../src/oauth/providers.js';
import { NEVER_BROAD_SCOPES, matchRiskyScope } from '../../src/oauth/scopes.js';
import type { OAuthProvider, RiskyScope } from '../../src/oauth/types.js';

/** Authorization and token endpoints from the fact sheet §2 (one row per provider, plus variants). */
const ENDPOINTS: readonly (readonly [string, readonly string[]])[] = [
  ['github', ['https://github.com/login/oauth/authorize', 'https://github.com/login/oauth/access_token']],
  ['google', ['https://accounts.google.com/o/oauth2/v2/auth', 'https://oauth2.googleapis.com/token']],
  [
    'microsoft',
    [
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
      'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/authorize',
    ],
  ],
  [
    'slack',
    [
      'https://slack.com/oauth/v2/authorize',
      'https://slack.com/api/oauth.v2.access',
      'https://slack.com/oauth/v2_user/authorize',
      'https://slack.com/api/oauth.v2.user.access',
    ],
  ],
  ['atlassian', ['https://auth.atlassian.com/authorize', 'https://auth.atlassian.com/oauth/token']],
  ['gitlab', ['https://gitlab.com/oauth/authorize', 'https://gitlab.com/oauth/token']],
  ['bitbucket', ['https://bitbucket.org/site/oauth2/authorize', 'https://bitbucket.org/site/oauth2/access_token']],
  [
    'salesforce',
    [
      'https://login.salesforce.com/services/oauth2/authorize',
      'https://login.salesforce.com/services/oauth2/token',
      'https://test.salesforce.com/services/oauth2/authorize',
      'https://acme.my.salesforce.com/services/oauth2/token',
      'https://acme.my.site.com/services/oauth2/authorize',
    ],
  ],
  ['hubspot', ['https://app.hubspot.com/oauth/authorize', 'https://api.hubapi.com/oauth/v1/token']],
  ['linear', ['https://linear.app/oauth/authorize', 'https://api.linear.app/oauth/token']],
  ['notion', ['https://api.notion.com/v1/oauth/authorize', 'https://api.notion.com/v1/oauth/token']],
  ['dropbox', ['https://www.dropbox.com/oauth2/authorize', 'https://api.dropboxapi.com/oauth2/token']],
  ['box', ['https://account.box.com/api/oauth2/authorize', 'https://api.box.com/oauth2/token']],
  ['zoom', ['https://zoom.us/oauth/authorize', 'https://zoom.us/oauth/token']],
  ['asana', ['https://app.asana.com/-/oauth_authorize', 'https://app.asana.com/-/oauth_token']],
  ['discord', ['https://discord.com/api/oauth2/authorize', 'https://discord.com/api/oauth2/token']],
  ['spotify', ['https://accounts.spotify.com/authorize', 'https://accounts.spotify.com/api/token']],
  [
    'shopify',
    ['https://acme.myshopify.com/admin/oauth/authorize', 'https://acme.myshopify.com/admin/oauth/access_token'],
  ],
  [
    'stripe-connect',
    [
      'https://connect.stripe.com/oauth/authorize',
      'https://connect.stripe.com/express/oauth/authorize',
      'https://connect.stripe.com/oauth/token',
    ],
  ],
  ['stripe-app', ['https://marketplace.stripe.com/oauth/v2/authorize', 'https://api.stripe.com/v1/oauth/token']],
  ['figma', ['https://www.figma.com/oauth', 'https://api.figma.com/v1/oauth/token']],
  ['airtable', ['https://airtable.com/oauth2/v1/authorize', 'https://airtable.com/oauth2/v1/token']],
  [
    'intercom',
    ['https://app.intercom.com/oauth', 'https://app.eu.intercom.com/oauth', 'https://api.intercom.io/auth/eagle/token'],
  ],
  ['xero', ['https://login.xero.com/identity/connect/authorize', 'https://identity.xero.com/connect/token']],
  [
    'quickbooks',
    ['https://appcenter.intuit.com/connect/oauth2', 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer'],
  ],
  [
    'x',
    [
      'https://x.com/i/oauth2/authorize',
      'https://api.x.com/2/oauth2/token',
      'https://twitter.com/i/oauth2/authorize',
      'https://api.twitter.com/2/oauth2/token',
    ],
  ],
  ['linkedin', ['https://www.linkedin.com/oauth/v2/authorization', 'https://www.linkedin.com/oauth/v2/accessToken']],
  ['facebook', ['https://www.facebook.com/v19.0/dialog/oauth', 'https://graph.facebook.com/v19.0/oauth/access_token']],
  ['zendesk', ['https://acme.zendesk.com/oauth/authorizations/new', 'https://acme.zendesk.com/oauth/tokens']],
  [
    'okta',
    [
      'https://acme.okta.com/oauth2/v1/authorize',
      'https://acme.okta.com/oauth2/v1/token',
      'https://acme.oktapreview.com/oauth2/default/v1/authorize',
    ],
  ],
  ['auth0', ['https://acme.auth0.com/authorize', 'https://acme.us.auth0.com/oauth/token']],
  ['digitalocean', ['https://cloud.digitalocean.com/v1/oauth/authorize', 'https://cloud.digitalocean.com/v1/oauth/token']],
  ['twitch', ['https://id.twitch.tv/oauth2/authorize', 'https://id.twitch.tv/oauth2/token']],
  [
    'reddit',
    [
      'https://www.reddit.com/api/v1/authorize',
      'https://www.reddit.com/api/v1/authorize.compact',
      'https://www.reddit.com/api/v1/access_token',
    ],
  ],
  [
    'strava',
    [
      'https://www.strava.com/oauth/authorize',
      'https://www.strava.com/oauth/mobile/authorize',
      'https://www.strava.com/oauth/token',
      'https://www.strava.com/api/v3/oauth/token',
    ],
  ],
  ['webflow', ['https://webflow.com/oauth/authorize', 'https://api.webflow.com/oauth/access_token']],
  ['miro', ['https://miro.com/oauth/authorize', 'https://api.miro.com/v1/oauth/token']],
  ['monday', ['https://auth.monday.com/oauth2/authorize', 'https://auth.monday.com/oauth2/token']],
  ['clickup', ['https://app.clickup.com/api', 'https://api.clickup.com/api/v2/oauth/token']],
  ['calendly', ['https://auth.calendly.com/oauth/authorize', 'https://auth.calendly.com/oauth/token']],
  ['pipedrive', ['https://oauth.pipedrive.com/oauth/authorize', 'https://oauth.pipedrive.com/oauth/token']],
];

function allRiskLists(provider: OAuthProvider): readonly (readonly RiskyScope[])[] {
  return [provider.risky, ...(provider.scopeParams ?? []).flatMap((param) => (param.risky ? [param.risky] : []))];
}

/** A concrete scope an entry matches (patterns get a sample capture). */
function sampleOf(entry: RiskyScope): string {
  return entry.pattern === true ? entry.scope.replace('*', 'sample') : entry.scope;
}

describe('OAUTH_PROVIDERS data', () => {
  it('has at least 30 providers with unique lower-case kebab-case ids', () => {
    expect(OAUTH_PROVIDERS.length).toBeGreaterThanOrEqual(30);
    const ids = OAUTH_PROVIDERS.map((provider) => provider.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('gives every provider hosts or managed names, a name, and an https docs URL', () => {
    for (const provider of OAUTH_PROVIDERS) {
      expect(provider.hosts.length + (provider.managedProviders?.length ?? 0), provider.id).toBeGreaterThan(0);
      expect(provider.name.length, provider.id).toBeGreaterThan(0);
      expect(provider.docsUrl, provider.id).toMatch(/^https:\/\/[^\s]+$/);
      expect(['space', 'comma'], provider.id).toContain(provider.separator);
      for (const host of provider.hosts) {
        expect(host, provider.id).toBe(host.toLowerCase());
        expect(host, provider.id).not.toContain('/');
      }
    }
  });

  it('has at least 25 providers with risky scopes', () => {
    expect(OAUTH_PROVIDERS.filter((provider) => provider.risky.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  it('uses the documented separators of §1.2', () => {
    for (const id of ['slack', 'linear', 'shopify', 'facebook', 'strava']) {
      expect(findProviderById(id)?.separator, id).toBe('comma');
    }
    for (const id of ['github', 'google', 'microsoft', 'dropbox', 'x']) {
      expect(findProviderById(id)?.separator, id).toBe('space');
    }
  });

  it('keeps risky entries well-formed: no duplicates, one * per pattern, a reason, valid risk', () => {
    for (const provider of OAUTH_PROVIDERS) {
      for (const list of allRiskLists(provider)) {
        const scopes = list.map((entry) => entry.scope);
        expect(new Set(scopes).size, provider.id).toBe(scopes.length);
        for (const entry of list) {
          expect(['admin', 'delete', 'write-all', 'read-all'], entry.scope).toContain(entry.risk);
          expect(entry.reason.length, entry.scope).toBeGreaterThan(0);
          expect(entry.reason, entry.scope).not.toMatch(/\.$/);
          if (entry.pattern === true) {
            expect(entry.scope.split('*').length, `${provider.id} ${entry.scope}`).toBe(2);
          }
          if (provider.scopePrefix !== undefined) {
            expect(entry.scope.startsWith(provider.scopePrefix), entry.scope).toBe(false);
          }
        }
      }
    }
  });

  it('offers suggestions that differ from the scope and are not themselves risky', () => {
    let suggestions = 0;
    for (const provider of OAUTH_PROVIDERS) {
      for (const list of allRiskLists(provider)) {
        const view: OAuthProvider = { ...provider, risky: list };
        for (const entry of list) {
          const scope = sampleOf(entry);
          const hit = matchRiskyScope(view, scope);
          expect(hit?.entry, `${provider.id} ${scope}`).toBe(entry);
          if (hit?.suggestion === undefined) continue;
          suggestions += 1;
          expect(hit.suggestion, `${provider.id} ${scope}`).not.toBe(scope);
          expect(hit.alternatives, `${provider.id} ${scope}`).toContain(hit.suggestion);
          expect(matchRiskyScope(view, hit.suggestion), `${provider.id} ${scope} → ${hit.suggestion}`).toBeUndefined();
        }
      }
    }
    expect(suggestions).toBeGreaterThan(20);
  });

  it('never lists identity or long-lived scopes as risky', () => {
    for (const provider of OAUTH_PROVIDERS) {
      for (const list of allRiskLists(provider)) {
        for (const scope of NEVER_BROAD_SCOPES) {
          expect(matchRiskyScope({ ...provider, risky: list }, scope), `${provider.id} ${scope}`).toBeUndefined();
        }
      }
    }
  });

  it('marks what an empty scope means where the sheet says so (§1.4)', () => {
    expect(findProviderById('github')?.emptyScope).toBe('public');
    expect(findProviderById('spotify')?.emptyScope).toBe('public');
    expect(findProviderById('linear')?.emptyScope).toBe('default');
    expect(findProviderById('digitalocean')?.emptyScope).toBe('default');
    for (const id of ['dropbox', 'box', 'salesforce', 'linkedin', 'notion', 'intercom', 'clickup', 'pipedrive', 'bitbucket']) {
      expect(findProviderById(id)?.emptyScope, id).toBe('app-config');
    }
  });
});

describe('findProviderById', () => {
  it('finds known ids and nothing else', () => {
    expect(findProviderById('github')?.name).toBe('GitHub');
    expect(findProviderById('stripe-connect')?.name).toBe('Stripe Connect');
    expect(findProviderById('GitHub')).toBeUndefined();
    expect(findProviderById('nope')).toBeUndefined();
  });
});

describe('findProviderByUrl', () => {
  it('covers every provider in the endpoint table', () => {
    expect(new Set(ENDPOINTS.map(([id]) => id))).toEqual(new Set(OAUTH_PROVIDERS.map((provider) => provider.id)));
  });

  it.each(ENDPOINTS)('recognises %s endpoints', (id, urls) => {
    for (const url of urls) {
      expect(findProviderByUrl(url)?.id, url).toBe(id);
    }
  });

  it('is case-insensitive on the host and accepts a missing scheme, a port and a trailing dot', () => {
    expect(findProviderByUrl('HTTPS://Accounts.Google.COM/o/oauth2/v2/auth')?.id).toBe('google');
    expect(findProviderByUrl('github.com/login/oauth/authorize')?.id).toBe('github');
    expect(findProviderByUrl('https://github.com:443/login/oauth/authorize')?.id).toBe('github');
    expect(findProviderByUrl('https://github.com./login/oauth/authorize')?.id).toBe('github');
    expect(findProviderByUrl('  https://slack.com/oauth/v2/authorize  ')?.id).toBe('slack');
    expect(findProviderByUrl('https://accounts.google.com/o/oauth2/v2/auth?scope=drive&access_type=offline')?.id).toBe(
      'google',
    );
  });

  it('matches suffix hosts on their bare domain but not on lookalikes', () => {
    expect(findProviderByUrl('https://salesforce.com/services/oauth2/token')?.id).toBe('salesforce');
    expect(findProviderByUrl('https://evilsalesforce.com/services/oauth2/token')).toBeUndefined();
    expect(findProviderByUrl('https://zendesk.com.evil.test/oauth/tokens')).toBeUndefined();
    expect(findProviderByUrl('https://acme.okta.com.evil.test/oauth2/v1/token')).toBeUndefined();
  });

  it.each([
    'https://accounts.google.com.evil.test/o/oauth2/v2/auth',
    'https://evil.test/accounts.google.com/o/oauth2/v2/auth',
    'https://accounts-google.com/o/oauth2/v2/auth',
    'https://notgithub.com/login/oauth/authorize',
    'https://github.com.evil.test/login/oauth/authorize',
    'https://login.microsoftonline.com.evil.test/common/oauth2/v2.0/authorize',
    'https://accounts.google.com@evil.test/o/oauth2/v2/auth',
    'https://provider.example.com/oauth/authorize',
    'https://api.stripe.com/v1/charges',
    'https://api.stripe.com/v1/oauthx',
  ])('does not match %s', (url) => {
    expect(findProviderByUrl(url)).toBeUndefined();
  });

  it.each(['', '   ', 'not a url', 'https://', 'http://[::1', 'javascript:alert(1)', 'ftp://github.com/x', '${BASE}/oauth'])(
    'returns undefined for unparseable or non-HTTP input %j',
    (url) => {
      expect(findProviderByUrl(url)).toBeUndefined();
    },
  );
});

describe('findProviderByManaged', () => {
  it('maps Notion-managed provider values', () => {
    expect(findProviderByManaged('google')?.id).toBe('google');
    expect(findProviderByManaged('github')?.id).toBe('github');
    expect(findProviderByManaged('salesforce')?.id).toBe('salesforce');
    expect(findProviderByManaged(' Google ')?.id).toBe('google');
  });

  it('falls back to provider ids and rejects unknown values', () => {
    expect(findProviderByManaged('slack')?.id).toBe('slack');
    expect(findProviderByManaged('microsoft')?.id).toBe('microsoft');
    expect(findProviderByManaged('my-google-auth')).toBeUndefined();
    expect(findProviderByManaged('')).toBeUndefined();
    expect(findProviderByManaged('unknown')).toBeUndefined();
  });
});

describe('findProviderByPackage', () => {
  it.each([
    ['passport-google-oauth20', 'google'],
    ['passport-google-oauth2', 'google'],
    ['passport-google-oauth', 'google'],
    ['googleapis', 'google'],
    ['googleapis/build/src/apis/drive', 'google'],
    ['google-auth-library', 'google'],
    ['passport-github2', 'github'],
    ['passport-github', 'github'],
    ['@octokit/auth-oauth-app', 'github'],
    ['@octokit/oauth-app', 'github'],
    ['passport-slack', 'slack'],
    ['passport-slack-oauth2', 'slack'],
    ['passport-azure-ad', 'microsoft'],
    ['passport-azure-ad-oauth2', 'microsoft'],
    ['passport-microsoft', 'microsoft'],
    ['@azure/msal-node', 'microsoft'],
    ['passport-gitlab2', 'gitlab'],
    ['passport-discord', 'discord'],
    ['passport-facebook', 'facebook'],
    ['passport-twitter', 'x'],
    ['passport-dropbox-oauth2', 'dropbox'],
    ['passport-linkedin-oauth2', 'linkedin'],
    ['passport-spotify', 'spotify'],
    ['passport-atlassian-oauth2', 'atlassian'],
    ['passport-bitbucket-oauth2', 'bitbucket'],
    ['passport-auth0', 'auth0'],
    ['passport-hubspot', 'hubspot'],
    ['Passport-GitHub2', 'github'],
  ])('%s → %s', (pkg, id) => {
    expect(findProviderByPackage(pkg)?.id).toBe(id);
  });

  it.each(['passport', 'passport-local', 'passport-oauth2', 'passport-jwt', 'simple-oauth2', 'arctic', 'express', '', '@octokit/rest-x', 'passport-x'])(
    'no provider for %j',
    (pkg) => {
      expect(findProviderByPackage(pkg)).toBeUndefined();
    },
  );
});

describe('nameWords', () => {
  it('splits camelCase, acronyms, separators and keeps digits attached', () => {
    expect(nameWords('myGitHubAuth')).toEqual(['my', 'git', 'hub', 'auth']);
    expect(nameWords('MSGraph')).toEqual(['ms', 'graph']);
    expect(nameWords('google_drive-read')).toEqual(['google', 'drive', 'read']);
    expect(nameWords('HUBSPOT_OAUTH')).toEqual(['hubspot', 'oauth']);
    expect(nameWords('auth0Client')).toEqual(['auth0', 'client']);
  });
});

describe('findProviderByName', () => {
  it.each([
    ['googleDrive', 'google'],
    ['googleDriveAuth', 'google'],
    ['google-drive', 'google'],
    ['my-github', 'github'],
    ['githubAuth', 'github'],
    ['GitHubAuth', 'github'],
    ['GITHUB_OAUTH', 'github'],
    ['slack', 'slack'],
    ['jiraAuth', 'atlassian'],
    ['confluence-oauth', 'atlassian'],
    ['outlookMail', 'microsoft'],
    ['OneDrive', 'microsoft'],
    ['dropBoxAuth', 'dropbox'],
    ['boxAuth', 'box'],
    ['twitterAuth', 'x'],
    ['quickBooks', 'quickbooks'],
    ['HubSpot', 'hubspot'],
    ['LinkedIn', 'linkedin'],
    ['digitalOcean', 'digitalocean'],
    ['auth0Client', 'auth0'],
    ['stripeConnect', 'stripe-connect'],
    ['notionAuth', 'notion'],
    ['notionGithubSync', 'github'],
    ['notion-dropbox', 'dropbox'],
  ])('%s → %s', (text, id) => {
    expect(findProviderByName(text)?.id).toBe(id);
  });

  it.each(['myOAuth', 'my-provider', 'fireflies', 'xAuth', 'inbox', 'mailbox', 'githubToGitlab', 'googleAndSlack', '', 'soundcloud-oauth', 'api'])(
    'no provider for %j',
    (text) => {
      expect(findProviderByName(text)).toBeUndefined();
    },
  );
});

describe('providerForScopeParam', () => {
  it('gives Slack user_scope its own risk list and keeps the id', () => {
    const slack = findProviderById('slack');
    expect(slack).toBeDefined();
    if (slack === undefined) return;
    const user = providerForScopeParam(slack, 'user_scope');
    expect(user?.id).toBe('slack');
    expect(user?.risky).not.toBe(slack.risky);
    expect(user?.risky.some((entry) => entry.scope === 'channels:history')).toBe(true);
    expect(providerForScopeParam(slack, 'scope')).toBeUndefined();
  });

  it('reuses the provider list when the parameter has none (HubSpot optional_scope)', () => {
    const hubspot = findProviderById('hubspot');
    expect(hubspot).toBeDefined();
    if (hubspot === undefined) return;
    expect(providerForScopeParam(hubspot, 'optional_scope')).toBe(hubspot);
  });
});
