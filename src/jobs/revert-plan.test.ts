import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedSinceReason, keptInsertReason, planRestore } from './revert-plan.js';

describe('planRestore', () => {
  it('sets back what the update replaced, on condition that the row still holds what it set', () => {
    assert.deepEqual(planRestore('customers', '{"name":"Ann","city":null}', '{"name":"Ann B","city":"Dallas"}'), {
      kind: 'restore',
      set: { name: 'Ann', city: null },
      expect: { name: 'Ann B', city: 'Dallas' },
    });
  });

  it('keeps a row whose change was recorded without the values it set', () => {
    const plan = planRestore('customers', '{"name":"Ann"}', null);
    assert.equal(plan.kind, 'keep');
  });

  it('never writes a column an import does not write, whatever the stored change says', () => {
    assert.equal(planRestore('customers', '{"team_id":2}', '{"team_id":1}').kind, 'keep');
    assert.equal(planRestore('number_lists', '{"list":"whitelist"}', '{"list":"blacklist"}').kind, 'keep');
    assert.equal(planRestore('customers', '{"id":"1; drop table customers"}', '{"id":1}').kind, 'keep');
  });
});

describe('changedSinceReason', () => {
  it('names the columns that no longer hold what the update set', () => {
    assert.equal(changedSinceReason({ name: 'Ann B', city: 'Berlin' }, { name: 'Ann B', city: 'Dallas' }), 'changed since: city');
    assert.equal(changedSinceReason(undefined, { name: 'Ann B' }), 'removed since');
  });

  it('compares an agent id as a number whatever the driver returned', () => {
    assert.equal(changedSinceReason({ agent_id: '7', status: null }, { agent_id: 7, status: 'new' }), 'changed since: status');
  });
});

describe('keptInsertReason', () => {
  it('removes a row nobody has touched since, and says why another is kept', () => {
    assert.equal(keptInsertReason({ status: 'new', agentId: null }, 5), null);
    assert.equal(keptInsertReason({ status: 'success', agentId: null }, 5), 'status is success since');
    assert.equal(keptInsertReason({ status: 'new', agentId: 3 }, 5), 'assigned to an agent since');
    assert.equal(keptInsertReason({ updatedByJob: 9 }, 5), 'updated by job 9 since');
    assert.equal(keptInsertReason({ status: 'new', dialEntry: { jobId: 5, status: 'dialed' } }, 5), 'its dial entry is dialed');
    assert.equal(keptInsertReason({ status: 'new', dialEntry: { jobId: 8, status: 'pending' } }, 5), 'in the dial list of job 8 since');
  });
});
