import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // at least two workers: vitest's default (one core fewer than the machine has) ran the suite serially on CI's two
    // cores (691 s; 416 s with two workers)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // CI reads the counts from the JSON report (.ci/run prints the closing line)
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
