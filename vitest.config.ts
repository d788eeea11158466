import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The timeout is a hang guard for adversarial inputs, not a performance assertion.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
