import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeJobOptions, describeOptionValue } from './job-options.js';
import { en, type MessageKey } from '../i18n/en.js';

const words = { yes: 'Yes', no: 'No' };

describe('job options', () => {
  it('reads null as a dash, booleans as yes/no, and nested options as key: value pairs', () => {
    assert.equal(describeOptionValue(null, words), '—');
    assert.equal(describeOptionValue(true, words), 'Yes');
    assert.equal(describeOptionValue('update', words), 'update');
    assert.equal(describeOptionValue({ phoneField: 'phone', priority: 3, dialAt: null }, words), 'phoneField: phone, priority: 3, dialAt: —');
  });

  it("shows a job's options in the wizard's words, not the request's keys", () => {
    const t = (key: MessageKey) => en[key];
    const time = (epochMs: number) => new Date(epochMs).toISOString();
    const rows = describeJobOptions({
      target: 'campaign', campaignId: 4, mapping: [], delimiter: '\t', skipTop: 2, duplicate: 'update', resetStatus: true, resetAgent: false,
      dial: { phoneField: 'mobile', priority: 5, dialAt: Date.UTC(2026, 11, 1, 20), duplicates: 'ignore-success' }, dedupeScope: 'team', blacklist: 'allow', dryRun: false, later: 'x',
    }, t, time);
    assert.deepEqual(rows.map((row) => `${row.label}: ${row.value}`), [
      'Delimiter: Tab', 'Skip top records: 2', 'Customer duplicate: Update', 'Reset customer status: Yes', 'Reset agent: No',
      "Duplicate key: the target's default", "Look for duplicates in: all the team's tables", 'Blacklisted numbers: Import anyway',
      'Pre-dialing phone field: mobile', 'Dialer priority: 5', 'Dialer schedule (time to dial): 2026-12-01T20:00:00.000Z', 'Import to dial list when duplicated: Ignore success',
      'Dry run: No', 'later: x',
    ]);
    const plain = describeJobOptions({ target: 'individual', skipTop: 0, duplicate: 'skip', dedupeKey: 'email', dedupeScope: 'table', blacklist: 'reject', dial: null }, t, time);
    assert.deepEqual(plain.map((row) => `${row.label}: ${row.value}`).slice(1, 7), [
      'Customer duplicate: Skip', 'Reset customer status: No', 'Reset agent: No', 'Duplicate key: email', 'Look for duplicates in: the target table', 'Blacklisted numbers: Reject the row',
    ]);
  });
});
