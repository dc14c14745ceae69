import 'server-only';
import type { Viewer } from './access';
import type { Database } from './database';
import { firstAdminReviewer, goldReviewer } from './startup-data';

/** The command-line tools act as the first admin: whoever can run them can read the database file anyway. */
export async function commandLineViewer(db: Database): Promise<Viewer> {
  const admin = await firstAdminReviewer(db);
  return { id: admin.id, username: admin.username, displayName: admin.displayName, role: admin.role };
}

export async function goldLayerId(db: Database): Promise<number> {
  return (await goldReviewer(db)).id;
}
