import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/server/db/schema and committed; never edit one after it has landed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
  casing: 'snake_case',
});
