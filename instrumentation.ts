/**
 * Runs once when the server starts: open the database so that migrations are applied and
 * the sample article is loaded before the first request, not during it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb, databasePath } = await import('./db/client');
  const { seedSampleArticle } = await import('./db/startup-data');
  seedSampleArticle(getDb());
  console.log(`Crosscheck database ready at ${databasePath()}`);
}
