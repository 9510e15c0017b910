// A PostgreSQL connection that breaks while a query is on it (the server's side reset, a backend terminated):
// pg fails the query and also emits the socket's error on the client. Found by the outage test, where a worker
// process died of it: the query must fail, not the process, and the next query must get a working connection.
// (PostgreSQL only: SQLite has no connection to lose.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { sql } from 'kysely';
import { useTestDatabase } from '../support/databases.js';

describe('a PostgreSQL connection reset in the middle of a query', () => {
  const suite = useTestDatabase('postgres', { migrate: false });

  it('fails that query, leaves the process running, and the next query works', async () => {
    const pool = suite.app.pool;
    assert.ok(pool);
    // A client lent out by the pool, as Kysely holds one for a query or a transaction.
    const client = await pool.connect();
    const running = client.query('select pg_sleep(30)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // What a reset by the peer looks like to pg; the socket is not part of pg's public API, hence the cast.
    const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
    socket.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    await assert.rejects(running, /ECONNRESET/);
    client.release();
    // Had the client's error event gone unheard, this test's process would have died before getting here.
    const { rows } = await sql<{ answer: number }>`select 42 as answer`.execute(suite.app.db);
    assert.deepEqual(rows, [{ answer: 42 }]);
    assert.equal(pool.totalCount, 1, 'the broken client was dropped, not lent out again beside the new one');
  });
});
