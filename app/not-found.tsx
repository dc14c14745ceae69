import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

/** Any address that names nothing: an unknown path, or an article or comparison that does not exist (or was deleted). */
export default function NotFound() {
  return (
    <div className="page narrow not-found">
      <h1>Page not found</h1>
      <p className="lede">There is nothing at this address. The article or page may have been deleted, or the link may be mistyped.</p>
      <p>
        <Link href="/" className="button primary">
          Back to the library
        </Link>
      </p>
    </div>
  );
}
