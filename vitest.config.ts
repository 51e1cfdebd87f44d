import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['language/**/*.test.ts', 'compiler/**/*.test.ts', 'runtime/**/*.test.ts', 'lsp/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
