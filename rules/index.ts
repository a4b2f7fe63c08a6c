import noBroadOauthScopes from './no-broad-oauth-scopes.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import oauthCredentialsFromEnv from './oauth-credentials-from-env.js';
import oauthEndpointsHttps from './oauth-endpoints-https.js';

/** Every rule of the plugin, by name (without the `worker-auth/` prefix). */
export const rules = {
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-broad-oauth-scopes': noBroadOauthScopes,
  'oauth-credentials-from-env': oauthCredentialsFromEnv,
  'oauth-endpoints-https': oauthEndpointsHttps,
};
