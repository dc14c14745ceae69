import { handle } from '@/app/_server/http';
import { listEvents } from '@/db/comparisons';

export const GET = handle(() => Response.json({ events: listEvents() }));
