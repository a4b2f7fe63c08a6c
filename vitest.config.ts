import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // CI reads the counts from the JSON report (.ci/run prints the closing line)
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
