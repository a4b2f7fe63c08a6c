import envExampleInSync from './env-example-in-sync.js';
import noBroadOauthScopes from './no-broad-oauth-scopes.js';
import noCommittedEnvFiles from './no-committed-env-files.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noLoggedSecrets from './no-logged-secrets.js';
import oauthCredentialsFromEnv from './oauth-credentials-from-env.js';
import oauthEndpointsHttps from './oauth-endpoints-https.js';
import preferCredentialInjection from './prefer-credential-injection.js';

/** Every rule of the plugin, by name (without the `worker-auth/` prefix). */
export const rules = {
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-broad-oauth-scopes': noBroadOauthScopes,
  'oauth-credentials-from-env': oauthCredentialsFromEnv,
  'oauth-endpoints-https': oauthEndpointsHttps,
  'env-example-in-sync': envExampleInSync,
  'no-logged-secrets': noLoggedSecrets,
  'prefer-credential-injection': preferCredentialInjection,
  'no-committed-env-files': noCommittedEnvFiles,
};
