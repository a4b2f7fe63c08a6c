import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the packed tarball installed into fresh ESLint 9 and 10 projects (needs the npm registry).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-e2e-report.json' },
  },
});
