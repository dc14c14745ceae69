import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { KIND_NAMES } from '@/app/_client/actor-kinds';
import { listActors } from '@/db/actors';
import { pageViewer } from '@/app/_server/session';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Actors' };

export default async function ActorsPage() {
  const db = appDatabase();
  await connection();
  const actors = await listActors(db, await pageViewer('/actors'));
  return (
    <div className="page">
      <h1>Actors</h1>
      <p className="lede">Every entity tagged as an actor, with its mentions, the claims it makes and the figures it is the source of.</p>
      {actors.length === 0 ? (
        <p className="empty">No actors yet. Tag a name in an article as Actor (key 2) and it appears here.</p>
      ) : (
        <table className="library-table">
          <caption className="visually-hidden">Actors by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Also called</th>
              <th scope="col" className="number">
                Mentions
              </th>
              <th scope="col" className="number">
                Claims
              </th>
              <th scope="col" className="number">
                Figures sourced
              </th>
            </tr>
          </thead>
          <tbody>
            {actors.map((actor) => (
              <tr key={actor.id} data-testid="actor-row">
                <th scope="row">
                  <Link href={`/actors/${actor.id}`}>{actor.canonicalName}</Link>
                </th>
                <td>{KIND_NAMES[actor.kind]}</td>
                <td>{actor.aliases.join(', ') || '—'}</td>
                <td className="number" data-column="mentions">
                  {actor.mentionCount}
                </td>
                <td className="number" data-column="claims">
                  {actor.claimCount}
                </td>
                <td className="number" data-column="figures">
                  {actor.figureCount}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
