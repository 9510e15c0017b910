import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { choicesFromSuggestions, confidenceLevel, fieldsJoined, fieldsMappedTwice, mappingPayload, missingOneOf, missingRequiredFields, NEW_FIELD, newFieldHeaders } from './column-mapping.js';

const suggestions = [
  { header: 'Full Name', index: 0, field: 'name', confidence: 0.95, source: 'synonym' },
  { header: 'Tel', index: 1, field: 'phone', confidence: 0.9, source: 'synonym' },
  { header: 'Remarks', index: 2, field: null, confidence: 0, source: 'none' },
];

describe('column mapping', () => {
  it('starts from the suggestions and sends every header, ignored ones as null', () => {
    const choices = choicesFromSuggestions(suggestions);
    assert.deepEqual(mappingPayload({ ...choices, 2: 'note' }, ['Full Name', 'Tel', 'Remarks']), { 'Full Name': 'name', Tel: 'phone', Remarks: 'note' });
    assert.deepEqual(mappingPayload({ 0: null }, ['Full Name', 'Tel']), { 'Full Name': null, Tel: null });
  });

  it('sends the columns chosen as new fields apart from the mapping, and never counts two of them as one field twice', () => {
    const choices = { 0: 'name', 1: NEW_FIELD, 2: NEW_FIELD };
    const headers = ['Full Name', 'Plan', 'Balance Due'];
    assert.deepEqual(mappingPayload(choices, headers), { 'Full Name': 'name' });
    assert.deepEqual(newFieldHeaders(choices, headers), ['Plan', 'Balance Due']);
    assert.deepEqual(fieldsMappedTwice(choices, headers, []), []);
    assert.deepEqual(fieldsJoined(choices, headers, []), []);
  });

  it('flags required fields that no column maps to', () => {
    const fields = [
      { key: 'phone', label: 'Phone', type: 'phone' as const, isRequired: true },
      { key: 'name', label: 'Name', type: 'text' as const, isRequired: false },
    ];
    assert.deepEqual(missingRequiredFields({ 0: 'name', 1: null }, fields).map((f) => f.key), ['phone']);
    assert.deepEqual(missingRequiredFields({ 1: 'phone' }, fields), []);
  });

  it('flags a customer list with neither name nor phone mapped, until one of them is', () => {
    const fields = [
      { key: 'name', label: 'Name', type: 'text' as const, isRequired: false },
      { key: 'phone', label: 'Phone', type: 'phone' as const, isRequired: false },
      { key: 'email', label: 'Email', type: 'email' as const, isRequired: false },
    ];
    assert.deepEqual(missingOneOf({ 0: 'email', 1: null }, ['name', 'phone'], fields).map((f) => f.label), ['Name', 'Phone']);
    assert.deepEqual(missingOneOf({ 0: 'email', 1: 'phone' }, ['name', 'phone'], fields), []);
    assert.deepEqual(missingOneOf({ 0: null }, [], fields), []);
  });

  it('finds a field chosen for two columns', () => {
    const fields = [
      { key: 'name', label: 'Name', type: 'text', isRequired: false },
      { key: 'phone', label: 'Phone', type: 'phone', isRequired: false },
    ] as const;
    assert.deepEqual(fieldsMappedTwice({ 0: 'phone', 1: 'phone', 2: null }, ['Tel', 'Mobile', 'X'], fields), [{ field: 'phone', headers: ['Tel', 'Mobile'] }]);
    // A text field joins its columns (a name's parts): that is no conflict, and it is said.
    const split = { 0: 'name', 1: 'phone', 2: 'name' };
    assert.deepEqual(fieldsMappedTwice(split, ['First Name', 'Tel', 'Last Name'], fields), []);
    assert.deepEqual(fieldsJoined(split, ['First Name', 'Tel', 'Last Name'], fields), [{ field: 'name', headers: ['First Name', 'Last Name'], kind: 'name' }]);
    // Address lines join with commas, other text with semicolons: each is told as it is done, not as a name.
    const withAddress = [...fields, { key: 'address', label: 'Address', type: 'address', isRequired: false }, { key: 'note', label: 'Note', type: 'text', isRequired: false }] as const;
    assert.deepEqual(fieldsJoined({ 0: 'address', 1: 'address', 2: 'note', 3: 'note' }, ['address1', 'address2', 'Remarks', 'Comments'], withAddress), [
      { field: 'address', headers: ['address1', 'address2'], kind: 'address' },
      { field: 'note', headers: ['Remarks', 'Comments'], kind: 'text' },
    ]);
  });

  it('grades confidence', () => {
    assert.equal(confidenceLevel(0.97), 'high');
    assert.equal(confidenceLevel(0.7), 'medium');
    assert.equal(confidenceLevel(0.3), 'low');
    assert.equal(confidenceLevel(0), 'none');
  });
});
