import { handle, readJson } from '@/app/_server/http';
import { categoryBody } from '@/app/_server/schemas';
import { addCategory, listCategories } from '@/db/categories';
import { currentReviewer } from '@/db/reviewers';

export const GET = handle(() => Response.json({ categories: listCategories() }));

export const POST = handle(async (request) => {
  const { name } = await readJson(request, categoryBody);
  return Response.json({ categories: addCategory(name, currentReviewer().id) }, { status: 201 });
});
