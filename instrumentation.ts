/**
 * Runs once when the server starts: open the database so that migrations are applied, the
 * sample article is loaded and the first admin can sign in before the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { appDatabase, databasePath } = await import('./db/client');
  const { seedSampleArticle } = await import('./db/startup-data');
  const { ensureAdminCanSignIn } = await import('./db/accounts');
  const db = appDatabase();
  await seedSampleArticle(db);
  const admin = await ensureAdminCanSignIn(db);
  if (admin?.generatedPassword) {
    // Printed once, on the start that creates the account; it is stored only as a hash.
    console.log(`\nCrosscheck created the admin account.\n  username: ${admin.username}\n  password: ${admin.generatedPassword}\nSign in at /sign-in and keep this password somewhere safe; it is not shown again.\n`);
  } else if (admin) {
    console.log(`Crosscheck created the admin account "${admin.username}" with the password from ADMIN_PASSWORD.`);
  }
  // Figure and claim readings acknowledged but not stored before the last stop run again now.
  const { resumePendingReadings } = await import('./db/readings');
  const resumed = await resumePendingReadings(db);
  if (resumed > 0) console.log(`Crosscheck resumed ${resumed} pending figure and claim readings.`);
  console.log(`Crosscheck database ready at ${databasePath()}`);
}
