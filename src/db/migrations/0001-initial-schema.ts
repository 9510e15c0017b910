// The initial schema. Written once for both dialects; only the id and blob column types differ.
import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../../config/config.js';
import type { DialectMigration } from '../migrator.js';

export const initialSchema: DialectMigration = (dialect: DatabaseDialect) => {
  const isPostgres = dialect === 'postgres';
  const idType = isPostgres ? 'bigserial' : 'integer';
  const blobType = isPostgres ? 'bytea' : 'blob';
  const nowMs = isPostgres ? sql`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint` : sql`(cast(unixepoch('subsec') * 1000 as integer))`;

  // Kysely<any>: migrations describe tables that the typed schema does not know yet (the Kysely recommendation).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyDb = Kysely<any>;
  const createTable = (db: AnyDb, name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', idType, (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()));
  const createdAt = 'created_at';

  return {
    async up(db: AnyDb) {
      await createTable(db, 'teams')
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('default_country', 'text', (c) => c.notNull().defaultTo('US'))
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();

      await createTable(db, 'users')
        .addColumn('login', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'manager', 'agent')`))
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id'))
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();

      await createTable(db, 'campaigns')
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('main_table', 'text', (c) => c.notNull().check(sql`main_table in ('individual', 'organization')`))
        .addColumn('package_name', 'text', (c) => c.notNull())
        .addColumn('has_dialer', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addUniqueConstraint('campaigns_team_name_unique', ['team_id', 'name'])
        .execute();

      await db.schema
        .createTable('campaign_agents')
        .addColumn('campaign_id', 'bigint', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('campaign_agents_pk', ['campaign_id', 'user_id'])
        .execute();

      await createTable(db, 'field_definitions')
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id'))
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) =>
          c.notNull().check(sql`type in ('text', 'email', 'phone', 'fax', 'address', 'date', 'number')`),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('is_custom', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_visible', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('is_editable', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('field_definitions_owner_key_unique', ['team_id', 'owner', 'key'])
        .execute();

      // The tables bulk loads fill carry no foreign key to their team or campaign: PostgreSQL checks one with a query
      // per row (two thirds more time per COPY), and the import checks both once, before its first row; teams and
      // campaigns are never deleted.
      let customers = createTable(db, 'customers')
        .addColumn('team_id', 'bigint', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'bigint');
      for (const column of [
        'name', 'contact', 'phone', 'mobile', 'phone2', 'email', 'fax', 'address', 'city', 'state', 'zip', 'country',
        'company', 'title', 'birthday', 'gender', 'website', 'industry', 'note', 'area', 'timezone',
      ]) {
        customers = customers.addColumn(column, 'text');
      }
      await customers
        .addColumn('custom', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('originals', 'text')
        .addColumn('dedupe_key', 'text')
        .addColumn('status', 'text', (c) =>
          c.notNull().defaultTo('new').check(sql`status in ('new', 'pending', 'success', 'failed', 'callback')`),
        )
        .addColumn('agent_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('job_id', 'bigint')
        .addColumn('job_line', 'bigint')
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();
      // The natural key: one row per duplicate key (normalised phone by default) within a table or campaign package.
      // Key first, scope last: the same index finds a key in one table or in every table of the team.
      await db.schema
        .createIndex('customers_dedupe_unique')
        .on('customers')
        .columns(['team_id', 'dedupe_key', 'scope'])
        .unique()
        .execute();
      // No other index: each one costs every bulk load. Paging walks the primary key (keyset, id order), and a
      // revert finds a job's rows by job_id once, which is rare enough to scan for.

      await createTable(db, 'dial_list')
        .addColumn('campaign_id', 'bigint', (c) => c.notNull().references('campaigns.id'))
        .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('dial_at', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('job_id', 'bigint')
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();
      await db.schema.createIndex('dial_list_campaign_phone').on('dial_list').columns(['campaign_id', 'phone']).execute();
      await db.schema.createIndex('dial_list_customer').on('dial_list').columns(['customer_id']).execute();

      await createTable(db, 'number_lists')
        .addColumn('team_id', 'bigint', (c) => c.notNull())
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('job_id', 'bigint')
        .addColumn('job_line', 'bigint')
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addUniqueConstraint('number_lists_unique', ['team_id', 'list', 'number'])
        .execute();

      await createTable(db, 'area_codes')
        .addColumn('team_id', 'bigint', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('area', 'text')
        .addColumn('city', 'text')
        .addColumn('province', 'text')
        .addColumn('country', 'text')
        .addColumn('timezone', 'text')
        .addColumn('carrier', 'text')
        .addColumn('job_id', 'bigint')
        .addColumn('job_line', 'bigint')
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addUniqueConstraint('area_codes_unique', ['team_id', 'prefix'])
        .execute();

      await createTable(db, 'dids')
        .addColumn('team_id', 'bigint', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('campaign', 'text')
        .addColumn('job_id', 'bigint')
        .addColumn('job_line', 'bigint')
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addUniqueConstraint('dids_unique', ['team_id', 'number'])
        .execute();

      await createTable(db, 'uploads')
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id'))
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addColumn('expires_at', 'bigint')
        .execute();

      await createTable(db, 'import_jobs')
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id'))
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('upload_id', 'bigint')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'bigint', (c) => c.references('campaigns.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().defaultTo('pending').check(sql`status in ('pending', 'running', 'close', 'failed', 'cancelled')`),
        )
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('stalled_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('checkpoint', 'text')
        .addColumn('records_read', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('total', 'bigint')
        .addColumn('estimated_total', 'bigint')
        .addColumn('success', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('duplicated', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('failure_reason', 'text')
        .addColumn('failure_code', 'text')
        .addColumn('is_cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', 'bigint')
        .addColumn('finished_at', 'bigint')
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();
      await db.schema.createIndex('import_jobs_queue').on('import_jobs').columns(['status', 'due_at']).execute();
      await db.schema.createIndex('import_jobs_team').on('import_jobs').columns(['team_id', 'id']).execute();

      await db.schema
        .createTable('job_files')
        .addColumn('job_id', 'bigint', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('records', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('job_files_pk', ['job_id', 'kind'])
        .execute();

      await createTable(db, 'job_changes')
        .addColumn('job_id', 'bigint', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('row_id', 'bigint', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('previous', 'text')
        .execute();
      await db.schema.createIndex('job_changes_job').on('job_changes').columns(['job_id', 'table_name']).execute();

      // The keys a dry run has met so far (nothing is stored to find them in); emptied when the job ends.
      await db.schema
        .createTable('import_seen_keys')
        .addColumn('job_id', 'bigint', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('line', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_seen_keys_pk', ['job_id', 'key'])
        .execute();

      await createTable(db, 'saved_mappings')
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id'))
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('header_signature', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addUniqueConstraint('saved_mappings_unique', ['team_id', 'owner', 'header_signature'])
        .execute();

      await db.schema
        .createTable('stored_files')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn(createdAt, 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();
      await db.schema
        .createTable('stored_file_chunks')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('data', blobType, (c) => c.notNull())
        .addPrimaryKeyConstraint('stored_file_chunks_pk', ['key', 'seq'])
        .execute();
    },

    async down(db: AnyDb) {
      for (const table of [
        'stored_file_chunks', 'stored_files', 'saved_mappings', 'import_seen_keys', 'job_changes', 'job_files', 'import_jobs', 'uploads',
        'dids', 'area_codes', 'number_lists', 'dial_list', 'customers', 'field_definitions', 'campaign_agents',
        'campaigns', 'users', 'teams',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
};
