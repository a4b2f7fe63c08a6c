import noHardcodedSecrets from './no-hardcoded-secrets.js';

/** Every rule of the plugin, by name (without the `worker-auth/` prefix). */
export const rules = {
  'no-hardcoded-secrets': noHardcodedSecrets,
};
