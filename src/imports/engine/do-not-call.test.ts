import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { doNotCallColumn, doNotCallColumnShown, doNotCallReader, isMarkedDoNotCall } from './do-not-call.js';

describe('a list\'s own "Do Not Call" column', () => {
  test("is found by Salesforce's, HubSpot's and dialers' headers, in any spelling, and not by others", () => {
    const columns = (headers: string[]) => headers.map((header, index) => ({ index, header }));
    assert.deepEqual(doNotCallColumn(columns(['Name', 'Phone', 'Do Not Call'])), { cell: 2, header: 'Do Not Call' });
    for (const header of ['DoNotCall', 'do_not_call', 'DNC', 'dnc flag', 'Phone Opt-Out', '免打扰']) assert.notEqual(doNotCallColumn(columns(['Phone', header])), null, header);
    for (const header of ['Email Opt Out', 'Do Not Email', 'Call Date', 'Called', 'Status']) assert.equal(doNotCallColumn(columns(['Phone', header])), null, header);
  });

  test('marks a customer by any value but an empty one or a plain no', () => {
    for (const value of ['Yes', 'TRUE', '1', 'x', 'DNC', '2026-01-02', 'requested by customer', '是']) assert.equal(isMarkedDoNotCall(value), true, value);
    for (const value of ['', '  ', 'No', 'false', 'FALSE', '0', 'n', '-', '否']) assert.equal(isMarkedDoNotCall(value), false, value);
  });

  test("reads Vicidial's status DNC (and DNCL) as a mark, and no other status", () => {
    const read = doNotCallReader(['phone_number', 'first_name', 'status'].map((header, index) => ({ index, header })));
    assert.deepEqual(read?.(['4155550134', 'Ann', 'DNC']), { header: 'status', value: 'DNC' });
    assert.deepEqual(read?.(['4155550135', 'Bo', ' dncl ']), { header: 'status', value: 'dncl' });
    for (const status of ['NEW', 'SALE', 'NI', '', 'Do Not Call Back Later']) assert.equal(read?.(['4155550136', 'Cy', status]), null, status);
    assert.equal(doNotCallReader([{ index: 0, header: 'Phone' }]), null);
  });

  test('is named before the import: the Do Not Call column, else a status column where a record shown says DNC', () => {
    const columns = (headers: string[]) => headers.map((header, index) => ({ index, header }));
    assert.equal(doNotCallColumnShown(columns(['Phone', 'Status', 'DNC']), [['4155550134', 'NEW', 'no']]), 'DNC');
    assert.equal(doNotCallColumnShown(columns(['Phone', 'Status']), [['4155550134', 'NEW'], ['4155550135', 'DNC']]), 'Status');
    assert.equal(doNotCallColumnShown(columns(['Phone', 'Status']), [['4155550134', 'NEW']]), null);
  });
});
