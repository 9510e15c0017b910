// Schemas many routes share: ids in the path, team choice, keyset paging.
import { z } from 'zod';
import { parseIsoTime } from '../shared/iso-time.js';

/** A positive integer id given as text in a path or query. */
export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const idParams = z.object({ id: idSchema });

export const teamIdQuery = idSchema.optional().describe('Administrators: the team to work in; others work in their own team');

export const limitQuery = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** A boolean in a query string: `true`/`false`/`1`/`0`. */
export const queryFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** An ISO 8601 time (`2026-12-01T20:00:00Z`, `2026-12-01T20:00+08:00`) as epoch ms; a day the calendar has. */
export const isoTime = z.string().transform((value, context) => {
  const time = parseIsoTime(value);
  if (time === null) {
    context.addIssue({ code: 'custom', message: 'must be an ISO time such as 2026-12-01T20:00:00Z, on a day the calendar has' });
    return z.NEVER;
  }
  return time;
});
