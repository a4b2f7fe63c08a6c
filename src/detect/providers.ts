/**
 * Credential formats: reviewed data from ../shared/reference/token-formats.md (row numbers in `ref`).
 * Patterns follow the contract in `types.ts`: linear-time, own boundaries, no `g` flag.
 */
import { hasValidGithubChecksum } from './checksums.js';
import type { TokenFormat } from './types.js';

/** Boundary helpers: a token never starts or ends inside a longer word. */
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  {
    id: 'github-classic-pat',
    provider: 'GitHub',
    kind: 'personal access token',
    class: 'secret',
    envName: 'GITHUB_TOKEN',
    keywords: ['ghp_'],
    prefix: 'ghp_',
    pattern: new RegExp(`${B}ghp_[A-Za-z0-9]{36}${E}`),
    validate: hasValidGithubChecksum,
    rotateUrl: 'https://github.com/settings/tokens',
    ref: 1,
    status: 'DOC',
  },
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    kind: 'secret key',
    class: 'secret',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_live_', 'sk_test_'],
    pattern: new RegExp(`${B}sk_(?:live|test)_[A-Za-z0-9]{20,247}${E}`),
    rotateUrl: 'https://dashboard.stripe.com/apikeys',
    ref: 21,
    status: 'DOC',
  },
  {
    id: 'stripe-publishable-key',
    provider: 'Stripe',
    kind: 'publishable key',
    class: 'publishable',
    envName: 'STRIPE_PUBLISHABLE_KEY',
    keywords: ['pk_live_', 'pk_test_'],
    pattern: new RegExp(`${B}pk_(?:live|test)_[A-Za-z0-9]{20,247}${E}`),
    ref: 24,
    status: 'DOC',
  },
];
