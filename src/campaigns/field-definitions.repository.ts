import type { Kysely } from 'kysely';
import type { Database, FieldDefinitionRow, FieldDefinitionUpdate, NewFieldDefinition } from '../db/schema.js';

export function createFieldDefinitionsRepository(db: Kysely<Database>) {
  return {
    async list(teamId: number, owner: string): Promise<FieldDefinitionRow[]> {
      return db
        .selectFrom('field_definitions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('owner', '=', owner)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },
    /** Inserts definitions; a key that already exists for the owner is left as it is (safe to repeat). */
    async insertMany(fields: NewFieldDefinition[]): Promise<void> {
      if (fields.length === 0) return;
      await db
        .insertInto('field_definitions')
        .values(fields)
        .onConflict((oc) => oc.columns(['team_id', 'owner', 'key']).doNothing())
        .execute();
    },
    async update(teamId: number, owner: string, key: string, change: FieldDefinitionUpdate): Promise<boolean> {
      const result = await db
        .updateTable('field_definitions')
        .set(change)
        .where('team_id', '=', teamId)
        .where('owner', '=', owner)
        .where('key', '=', key)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Applies a whole layout (label, type, order, visibility) of an owner's fields in one transaction. */
    async arrange(teamId: number, owner: string, layout: ReadonlyArray<{ key: string; change: FieldDefinitionUpdate }>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const { key, change } of layout) {
          await trx.updateTable('field_definitions').set(change).where('team_id', '=', teamId).where('owner', '=', owner).where('key', '=', key).execute();
        }
      });
    },
  };
}
export type FieldDefinitionsRepository = ReturnType<typeof createFieldDefinitionsRepository>;
