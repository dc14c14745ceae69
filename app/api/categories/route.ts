import { handle, readJson } from '@/app/_server/http';
import { categoryBody } from '@/app/_server/schemas';
import { addCategory, listCategories } from '@/db/categories';

export const GET = handle(() => Response.json({ categories: listCategories() }));

export const POST = handle(async (request, _context, viewer) => {
  const { name } = await readJson(request, categoryBody);
  return Response.json({ categories: addCategory(viewer, name) }, { status: 201 });
});
