import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write PostgreSQL migrations from db/pg-schema.ts;
// the app applies the committed migrations itself at start-up when DATABASE_URL is postgres://.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg-schema.ts',
  out: './db/migrations-pg',
});
