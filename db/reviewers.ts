import type { Viewer } from './access';
import { getDb } from './client';
import { firstAdminReviewer, goldReviewer } from './startup-data';

/** The command-line tools act as the first admin: whoever can run them can read the database file anyway. */
export function commandLineViewer(): Viewer {
  const admin = firstAdminReviewer(getDb());
  return { id: admin.id, username: admin.username, displayName: admin.displayName, role: admin.role };
}

export function goldLayerId(): number {
  return goldReviewer(getDb()).id;
}
