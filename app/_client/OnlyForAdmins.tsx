import Link from 'next/link';

/** What a reviewer sees on a page that only admins can use: a plain statement and a way back. */
export function OnlyForAdmins({ what }: { what: string }) {
  return (
    <div className="page narrow">
      <h1>Only admins can {what}</h1>
      <p className="lede">
        Your account is a reviewer account. Ask an admin if you need this. <Link href="/">Back to your articles</Link>
      </p>
    </div>
  );
}
