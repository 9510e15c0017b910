// With INTAKE_STORAGE=postgres, uploads and result files live in the database: a worker on another machine needs
// no shared disk. An import then runs exactly as with a directory, and nothing of it is written to disk.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness, csv } from '../support/import-harness.js';
import { useTestDatabase } from '../support/databases.js';

describe('an import with its files kept in PostgreSQL', () => {
  const suite = useTestDatabase('postgres');
  const harness = createHarness(suite, { INTAKE_STORAGE: 'postgres' });

  it('imports, accounts and serves the four files from the database', async () => {
    const teamId = await harness.createTeam('remote');
    const content = csv([['name', 'phone'], ['Ann', '415-555-0101'], ['Bad', 'x'], ['Ann again', '(415) 555-0101']]);
    const job = await harness.runImport({ teamId, target: 'individual', content });
    assert.deepEqual([job.status, job.success, job.error, job.duplicated], ['close', 1, 1, 1]);
    assert.equal((await harness.resultFile(job.id, 'error')).records[0]?.['line'], '3');
    assert.match((await harness.resultFile(job.id, 'duplicated')).records[0]?.['reason'] ?? '', /duplicate of line 2/);
    assert.equal((await harness.resultFile(job.id, 'original')).text, content);
    const stored = await suite.app.db.selectFrom('stored_files').select('key').where('key', 'like', `jobs/${job.id}/%`).execute();
    assert.equal(stored.length, 3);
    assert.equal(existsSync(join(suite.test.dataDir, 'files')), false, 'nothing was written to the data directory');
  });
});
