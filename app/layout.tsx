import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Crosscheck', template: '%s · Crosscheck' },
  description: 'Fact-check annotation workbench',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
          <nav aria-label="Main">
            <Link href="/">Library</Link>
            <Link href="/comparisons">Comparisons</Link>
            <Link href="/actors">Actors</Link>
            <Link href="/articles/new">Add article</Link>
            <Link href="/import">Import</Link>
            <Link href="/export">Export</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
