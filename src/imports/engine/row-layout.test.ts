import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createRowLayout, NO_AREAS } from './row-layout.js';
import type { PreparedRecord, RecordPreparer } from './record-preparation.js';

/** The layout of an individual-customers import of these fields, with the record's values in field order. */
function customOf(keys: string[], values: Array<string | null>): unknown {
  const preparer = { fields: keys.map((key) => ({ key, label: key, type: 'text' as const })) } as unknown as RecordPreparer;
  const layout = createRowLayout({ table: 'customers', teamId: 1, scope: 'individual', campaignId: null, isTeamWide: false, keySuffix: '' }, preparer, { jobId: 1, area: NO_AREAS, now: 0 });
  const record: PreparedRecord = { line: 2, values, key: null, originals: null };
  return layout.build(record)[layout.columns.indexOf('custom')];
}

it('stores custom fields as the JSON of their values, quotes, backslashes, line breaks and emoji included, empty ones left out', () => {
  const values = ['Ann', 'say "hi"\\ \n\t😀', null, 'x\u2028y'];
  const text = customOf(['name', 'greeting', 'empty', 'odd key "q"'], values);
  assert.equal(text, JSON.stringify({ greeting: values[1], 'odd key "q"': values[3] }));
  assert.deepEqual(JSON.parse(String(text)), { greeting: values[1], 'odd key "q"': values[3] });
});

it('stores {} for a record whose custom fields are all empty', () => {
  assert.equal(customOf(['name', 'tier'], ['Ann', null]), '{}');
});

it('writes custom keys that look like numbers in the order JSON.stringify gives an object', () => {
  assert.equal(customOf(['zone', '10', '2'], ['a', 'b', 'c']), JSON.stringify({ zone: 'a', 10: 'b', 2: 'c' }));
});
