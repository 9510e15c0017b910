// Which of a batch's keys a writer looks up. Most keys of an import are new, and the unique index on exactly what a
// lookup compares refuses a stored one, so a writer may insert without asking first and look up only the keys its
// key filter says may be stored: those stored when it read them (once the import has shown it is more than one
// transaction or batch long: a small file into a big table looks its few keys up rather than read the table's) and
// those the import stored since. A key stored after that (another import, an edit) is refused by the index: the
// writer does that unit (a PostgreSQL transaction, an SQLite batch) again with every key looked up, and the next
// 2, 4, 8 … units too, so a file of such keys wastes a few units, not half its time. A team-wide duplicate check has
// no such index (it compares with the team's other tables too), and a dry run stores nothing: both look every key up.
import { createKeyFilter, type KeyFilter } from '../engine/key-filter.js';
import type { WriterSettings } from './import-writer.js';

/** After the n-th key found stored without being looked up, the next 2^n units (at most this many) look every key up. */
const MAX_CAUTIOUS_UNITS = 1024;

export type StoredKeys = {
  /** The filter to read the keys stored in the import's scope into, when they are wanted now and not read yet. */
  toRead(): KeyFilter | null;
  /** The stored keys are in the filter returned by toRead(). */
  markRead(): void;
  /** Whether the unit about to be planned may leave out the keys the filter rules out. */
  canSkipLookups(): boolean;
  /** The keys of a batch to look up. */
  toLookUp(keys: string[], isSkipping: boolean): string[];
  /** Keys a unit inserts (before it commits: one that does not is only looked up for nothing). */
  remember(keys: Iterable<string>): void;
  /** A key not looked up was refused by the unique index: the unit is done again, and the next ones, looking every key up. */
  collided(): void;
  /** A unit is written. */
  done(): void;
};

export function createStoredKeys(settings: Pick<WriterSettings, 'isDryRun' | 'spec'>): StoredKeys {
  const filter = settings.isDryRun || (settings.spec.table === 'customers' && settings.spec.isTeamWide) ? null : createKeyFilter();
  let isRead = false;
  let units = 0;
  let collisions = 0;
  let cautiousUnits = 0;
  return {
    toRead: () => (filter && !isRead && units > 0 ? filter : null),
    markRead: () => {
      isRead = true;
    },
    canSkipLookups: () => filter !== null && isRead && !filter.isFull() && cautiousUnits === 0,
    toLookUp: (keys, isSkipping) => (isSkipping && filter ? keys.filter((key) => filter.mightHave(key)) : keys),
    remember(keys) {
      if (!filter || filter.isFull()) return;
      for (const key of keys) filter.add(key);
    },
    collided() {
      collisions += 1;
      cautiousUnits = Math.min(MAX_CAUTIOUS_UNITS, 2 ** collisions);
    },
    done() {
      units += 1;
      cautiousUnits = Math.max(0, cautiousUnits - 1);
    },
  };
}
