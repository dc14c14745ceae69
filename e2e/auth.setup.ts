import { test as setup } from '@playwright/test';
import { ADMIN_PASSWORD, adminStatePath, signIn } from './support/accounts';

// Every other spec runs as the first admin, signed in once here through the real sign-in page.
setup('sign in as the admin', async ({ page }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.context().storageState({ path: adminStatePath() });
});
