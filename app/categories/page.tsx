import type { Metadata } from 'next';
import { connection } from 'next/server';
import { listCategories } from '@/db/categories';
import { adminPageViewer } from '@/app/_server/session';
import { OnlyForAdmins } from '@/app/_client/OnlyForAdmins';
import { CategoryEditor } from './CategoryEditor';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Figure categories' };

export default async function CategoriesPage() {
  const db = appDatabase();
  await connection();
  if (!(await adminPageViewer('/categories'))) return <OnlyForAdmins what="edit figure categories" />;
  return (
    <div className="page narrow">
      <h1>Figure categories</h1>
      <p className="lede">What a figure can count. New figures are read into one of these; a category still in use cannot be removed.</p>
      <CategoryEditor initial={await listCategories(db)} />
    </div>
  );
}
