// eslint.config.js at the root of a monorepo: the recommended rules for every workspace, stricter options for the
// worker packages, and the typescript-eslint parser for TypeScript files.
import tseslint from 'typescript-eslint';
import workerAuth from 'eslint-plugin-worker-auth';

export default [
  { ignores: ['**/dist/', '**/node_modules/'] },
  tseslint.configs.base,
  workerAuth.configs.recommended,
  {
    files: ['packages/*-worker/**/*.{ts,tsx}'],
    rules: {
      ...workerAuth.configs.strict.rules,
    },
  },
  {
    // fixtures with documented fake tokens
    files: ['packages/*/test/fixtures/**'],
    rules: { 'worker-auth/no-hardcoded-secrets': 'off' },
  },
];
