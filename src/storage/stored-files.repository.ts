// The queries of the database file storage: stored_files holds each key's size, stored_file_chunks its bytes in order.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type StoredChunk = { seq: number; data: Uint8Array };

export function createStoredFilesRepository(db: Kysely<Database>) {
  return {
    async findSize(key: string): Promise<number | null> {
      const row = await db.selectFrom('stored_files').select('size').where('key', '=', key).executeTakeFirst();
      return row ? Number(row.size) : null;
    },

    /** Creates an empty file, or leaves an existing one as it is. */
    async ensureFile(key: string): Promise<void> {
      await db.insertInto('stored_files').values({ key, size: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
    },

    async insertChunk(key: string, seq: number, data: Uint8Array): Promise<void> {
      await db.insertInto('stored_file_chunks').values({ key, seq, data }).execute();
    },

    /** Atomically replaces `key` (if any) with the chunks written under `partialKey`. */
    async replaceWithPartial(partialKey: string, key: string, size: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('stored_file_chunks').where('key', '=', key).execute();
        await trx.deleteFrom('stored_files').where('key', '=', key).execute();
        await trx.updateTable('stored_file_chunks').set({ key }).where('key', '=', partialKey).execute();
        await trx.updateTable('stored_files').set({ key, size }).where('key', '=', partialKey).execute();
      });
    },

    /** Number of chunks of key (they are numbered 0 … n-1). */
    async countChunks(key: string): Promise<number> {
      const row = await db
        .selectFrom('stored_file_chunks')
        .select((eb) => eb.fn.max('seq').as('last'))
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
    },

    /** Adds chunks after the last one (creating the file) in one transaction; returns the new chunk count. */
    async appendChunks(key: string, chunks: Uint8Array[]): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('stored_file_chunks')
          .select((eb) => eb.fn.max('seq').as('last'))
          .where('key', '=', key)
          .executeTakeFirst();
        const first = last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
        const bytes = chunks.reduce((total, chunk) => total + chunk.length, 0);
        for (const [index, data] of chunks.entries()) {
          await trx.insertInto('stored_file_chunks').values({ key, seq: first + index, data }).execute();
        }
        await trx
          .insertInto('stored_files')
          .values({ key, size: bytes })
          .onConflict((oc) => oc.column('key').doUpdateSet({ size: (eb) => eb('stored_files.size', '+', bytes) }))
          .execute();
        return first + chunks.length;
      });
    },

    /** Replaces `toKey` with chunks 0 … count-1 of `fromKey`. */
    async copyChunks(fromKey: string, toKey: string, count: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('stored_file_chunks').where('key', '=', toKey).execute();
        await trx
          .insertInto('stored_file_chunks')
          .columns(['key', 'seq', 'data'])
          .expression((eb) => eb.selectFrom('stored_file_chunks').select([eb.val(toKey).as('key'), 'seq', 'data']).where('key', '=', fromKey).where('seq', '<', count))
          .execute();
        const row = await trx
          .selectFrom('stored_file_chunks')
          .select(sql<number | string | null>`sum(length(data))`.as('bytes'))
          .where('key', '=', toKey)
          .executeTakeFirst();
        const size = Number(row?.bytes ?? 0);
        await trx
          .insertInto('stored_files')
          .values({ key: toKey, size })
          .onConflict((oc) => oc.column('key').doUpdateSet({ size }))
          .execute();
      });
    },

    /** Keeps chunks 0 … count-1 (creating an empty file when missing) and recomputes the size. */
    async keepChunks(key: string, count: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('stored_file_chunks').where('key', '=', key).where('seq', '>=', count).execute();
        const row = await trx
          .selectFrom('stored_file_chunks')
          .select(sql<number | string | null>`sum(length(data))`.as('bytes'))
          .where('key', '=', key)
          .executeTakeFirst();
        const size = Number(row?.bytes ?? 0);
        await trx
          .insertInto('stored_files')
          .values({ key, size })
          .onConflict((oc) => oc.column('key').doUpdateSet({ size }))
          .execute();
      });
    },

    /** Up to `limit` chunks from `fromSeq` on, in order. */
    async readChunks(key: string, fromSeq: number, limit: number): Promise<StoredChunk[]> {
      return db
        .selectFrom('stored_file_chunks')
        .select(['seq', 'data'])
        .where('key', '=', key)
        .where('seq', '>=', fromSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
    },

    async remove(key: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('stored_file_chunks').where('key', '=', key).execute();
        await trx.deleteFrom('stored_files').where('key', '=', key).execute();
      });
    },

    /** Keys starting with prefix (compared exactly: no LIKE wildcards, same case rules on both databases) created before epochMs. */
    async listOlderThan(prefix: string, epochMs: number): Promise<string[]> {
      let query = db.selectFrom('stored_files').select('key').where('created_at', '<', epochMs).orderBy('key');
      if (prefix !== '') query = query.where(sql<string>`substr(key, 1, ${[...prefix].length})`, '=', prefix);
      return (await query.execute()).map((row) => row.key);
    },
  };
}

export type StoredFilesRepository = ReturnType<typeof createStoredFilesRepository>;
