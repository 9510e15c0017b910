// Times a user types for a job's schedule (`--at`, the API's `at`), read strictly: JavaScript's Date.parse rolls a
// day the month does not have into the next month ("2026-02-30" is 2 March), and the job would run on another day.

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 time as epoch ms (`2026-12-01T20:00`, `2026-12-01 20:00:00Z`, `2026-12-01T20:00+08:00`; a day alone is
 * its midnight), without an offset in this machine's local time; null when it is not one, or names a day or an hour
 * that does not exist.
 */
export function parseIsoTime(value: string): number | null {
  const text = value.trim();
  const parts = ISO_TIME.exec(text);
  if (parts === null) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  const time = Date.parse(parts[4] === undefined ? `${text}T00:00` : text);
  return Number.isFinite(time) ? time : null;
}
