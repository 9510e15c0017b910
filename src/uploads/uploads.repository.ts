import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type UploadRow = { id: number; team_id: number; user_id: number | null; storage_key: string; original_name: string; size: number; created_at: number; expires_at: number | null };

export function createUploadsRepository(db: Kysely<Database>) {
  return {
    async insert(upload: { teamId: number; userId: number | null; storageKey: string; originalName: string; size: number; expiresAt: number | null }): Promise<UploadRow> {
      return db
        .insertInto('uploads')
        .values({
          team_id: upload.teamId,
          user_id: upload.userId,
          storage_key: upload.storageKey,
          original_name: upload.originalName,
          size: upload.size,
          expires_at: upload.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async findById(id: number): Promise<UploadRow | undefined> {
      return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** An upload used by a job is kept (it is that job's `original` file): it no longer expires. */
    async keep(id: number): Promise<void> {
      await db.updateTable('uploads').set({ expires_at: null }).where('id', '=', id).execute();
    },
    async remove(id: number): Promise<void> {
      await db.deleteFrom('uploads').where('id', '=', id).execute();
    },
    async listExpired(now: number): Promise<UploadRow[]> {
      return db.selectFrom('uploads').selectAll().where('expires_at', 'is not', null).where('expires_at', '<', now).execute();
    },
    /** Which of these storage keys belong to an upload (the others are files a crash left behind). */
    async existingStorageKeys(keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await db.selectFrom('uploads').select('storage_key').where('storage_key', 'in', keys).execute();
      return new Set(rows.map((row) => row.storage_key));
    },
  };
}
export type UploadsRepository = ReturnType<typeof createUploadsRepository>;
