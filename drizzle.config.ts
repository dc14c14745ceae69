import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from db/schema.ts;
// the app applies the committed migrations itself at start-up.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/sqlite-schema.ts',
  out: './db/migrations',
});
