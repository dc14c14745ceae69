import { handle, readJson } from '@/app/_server/http';
import { categoryBody } from '@/app/_server/schemas';
import { addCategory, listCategories } from '@/db/categories';

export const GET = handle(async (_request, _context, viewer, db) => Response.json({ categories: await listCategories(db) }));

export const POST = handle(async (request, _context, viewer, db) => {
  const { name } = await readJson(request, categoryBody);
  return Response.json({ categories: await addCategory(db, viewer, name) }, { status: 201 });
});
