import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteMenu } from './_client/SiteMenu';
import { signOutAction } from './_server/auth-actions';
import { optionalViewer } from './_server/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Crosscheck', template: '%s · Crosscheck' },
  description: 'Fact-check annotation workbench',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await optionalViewer();
  const admin = viewer?.role === 'admin';
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Crosscheck
          </Link>
          {viewer && (
            <SiteMenu>
              <form role="search" action="/search" className="header-search">
                <input type="search" name="q" aria-label="Search articles and annotations" placeholder="Search…" />
              </form>
              <nav aria-label="Main">
                <Link href="/">Library</Link>
                <Link href="/comparisons">Comparisons</Link>
                <Link href="/incidents">Incidents</Link>
                <Link href="/conflicts">Conflicts</Link>
                <Link href="/actors">Actors</Link>
                {admin && <Link href="/agreement">Agreement</Link>}
                {admin && <Link href="/articles/new">Add article</Link>}
                {admin && <Link href="/import">Import</Link>}
                <Link href="/export">Export</Link>
                {admin && <Link href="/reviewers">Reviewers</Link>}
                {admin && <Link href="/categories">Categories</Link>}
              </nav>
              <div className="account">
                <Link href="/profile" data-testid="signed-in-as">
                  {viewer.displayName}
                  <span className="role-tag">{viewer.role}</span>
                </Link>
                <form action={signOutAction}>
                  <button type="submit">Sign out</button>
                </form>
              </div>
            </SiteMenu>
          )}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
