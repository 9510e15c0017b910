// Runs real imports in-process against a test database: files written by the test, jobs run by a real worker.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { createRepositories, type AppContext } from '../../src/app/app-context.js';
import { loadConfig } from '../../src/config/config.js';
import { createImport, type CreateImportInput } from '../../src/imports/import-service.js';
import { importServiceDependencies, runnerDependencies, storeUpload } from '../../src/imports/import-workflow.js';
import type { ImportJob } from '../../src/db/schema.js';
import { exportTable } from '../../src/customers/table-export.js';
import { openJobFile, type FileKind } from '../../src/jobs/job-service.js';
import { createWorker } from '../../src/jobs/worker.js';
import { createFileStorage } from '../../src/storage/file-storage.js';
import { createTeam } from '../../src/teams/team-service.js';
import type { Target } from '../../src/imports/targets.js';
import type { DatabaseSuite } from './databases.js';

export type ImportRequest = Omit<CreateImportInput, 'upload' | 'teamId' | 'userId'> & {
  teamId: number;
  /** The file's name as uploaded (the campaign name check looks at it). */
  fileName?: string;
  content: string | Buffer;
};

export type Harness = {
  context: AppContext;
  createTeam(name: string, country?: string): Promise<number>;
  /** Creates the import and runs it to its end with a real worker; returns the ended job. */
  runImport(request: ImportRequest): Promise<ImportJob>;
  createJob(request: ImportRequest): Promise<ImportJob>;
  /** One attempt at a job by a real worker: how it ended ('close', 'lost' …). */
  runAttempt(jobId: number): Promise<string>;
  /** The table's rows as objects (fields, area, timezone, status, agent), in id order. */
  rows(teamId: number, target: Target, campaignId?: number | null): Promise<Array<Record<string, string>>>;
  /** A result file's records as objects keyed by its header (the BOM dropped), and its raw text. */
  resultFile(jobId: number, kind: FileKind): Promise<{ text: string; bytes: Buffer; records: Array<Record<string, string>> }>;
};

export function createHarness(suite: DatabaseSuite, environment: Record<string, string> = {}): Harness {
  let cached: AppContext | undefined;
  let files = 0;
  const context = (): AppContext => {
    if (cached) return cached;
    const config = loadConfig({
      INTAKE_DATA_DIR: suite.test.dataDir,
      DATABASE_URL: suite.test.url,
      INTAKE_LOG_LEVEL: 'silent',
      INTAKE_BATCH_SIZE: '3',
      INTAKE_POLL_MS: '20',
      ...environment,
    });
    cached = {
      config,
      database: suite.app,
      repositories: createRepositories(suite.app),
      storage: createFileStorage(config, suite.app),
      close: async () => undefined,
    };
    return cached;
  };

  async function createJob(request: ImportRequest): Promise<ImportJob> {
    const app = context();
    const dir = join(suite.test.dataDir, 'inputs', String(++files));
    mkdirSync(dir, { recursive: true });
    const fileName = request.fileName ?? 'customers.csv';
    const path = join(dir, fileName);
    writeFileSync(path, request.content);
    const upload = await storeUpload(app, { teamId: request.teamId, userId: null, originalName: fileName, source: Readable.from([Buffer.from(request.content)]) });
    const { content: _content, fileName: _name, ...input } = request;
    const created = await createImport(importServiceDependencies(app), { ...input, userId: null, upload: { id: upload.id, path, originalName: fileName } });
    return created.job;
  }

  async function runAttempt(jobId: number): Promise<string> {
    const ran = await createWorker(runnerDependencies(context())).runOnce(jobId);
    if (!ran) throw new Error(`job ${jobId} was not due`);
    return ran.outcome;
  }

  return {
    get context() {
      return context();
    },
    async createTeam(name, country = 'US') {
      return (await createTeam(context().repositories, { name, country })).id;
    },
    createJob,
    runAttempt,
    async runImport(request) {
      const job = await createJob(request);
      const app = context();
      await runAttempt(job.id);
      const ended = await app.repositories.jobs.findById(job.id);
      if (!ended) throw new Error(`job ${job.id} vanished`);
      return ended;
    },
    async rows(teamId, target, campaignId = null) {
      const table = await exportTable(context().repositories, { teamId, target, campaignId });
      const rows: Array<Record<string, string>> = [];
      for await (const page of table.rows) {
        for (const row of page) rows.push(Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? ''])));
      }
      return rows;
    },
    async resultFile(jobId, kind) {
      const app = context();
      const file = await openJobFile(
        { jobs: app.repositories.jobs, storage: app.storage, uploadKeyOf: async (id) => (await app.repositories.uploads.findById(id))?.storage_key },
        { teamId: null },
        jobId,
        kind,
      );
      const chunks: Buffer[] = [];
      for await (const chunk of file.stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
      const bytes = Buffer.concat(chunks);
      const text = bytes.toString('utf8');
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      return { text, bytes, records: parsed.data };
    },
  };
}

/** A CSV from rows of cells (the first row is the header). */
export function csv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `${rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n')}\r\n`;
}
