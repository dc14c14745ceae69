import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // db/ modules start with `import 'server-only'` so that a client bundle that reached them fails
      // the build; tests run them on the server, where the package's react-server export is empty.
      'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
  },
});
