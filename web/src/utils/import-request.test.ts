import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS, buildImportRequest } from './import-request.js';

describe('import request', () => {
  it('sends the mapping, duplicate mode and file overrides', () => {
    const body = buildImportRequest({
      uploadId: 1,
      target: 'individual',
      mapping: { Tel: 'phone' },
      file: { encoding: 'gbk', skipTop: 2 },
      options: { ...DEFAULT_OPTIONS, duplicate: 'update' },
      hasDialer: false,
    });
    assert.equal(body.duplicate, 'update');
    assert.equal(body.encoding, 'gbk');
    assert.equal(body.skipTop, 2);
    assert.deepEqual(body.mapping, { Tel: 'phone' });
    assert.equal(body.dial, undefined);
    assert.equal(body.at, undefined);
  });

  it('adds dial options only for a campaign that dials', () => {
    const base = { uploadId: 1, campaignId: 4, file: { skipTop: 0 }, options: { ...DEFAULT_OPTIONS, dialPriority: 3 } };
    assert.deepEqual(buildImportRequest({ ...base, target: 'campaign', hasDialer: true }).dial, {
      phoneField: 'phone',
      priority: 3,
      dialAt: null,
      duplicates: 'ignore',
    });
    assert.equal(buildImportRequest({ ...base, target: 'campaign', hasDialer: false }).dial, undefined);
  });

  it('confirms a name mismatch only when asked to', () => {
    const base = { uploadId: 1, target: 'campaign' as const, file: { skipTop: 0 }, options: DEFAULT_OPTIONS, hasDialer: false };
    assert.equal(buildImportRequest(base).confirmNameMismatch, undefined);
    assert.equal(buildImportRequest({ ...base, confirmNameMismatch: true }).confirmNameMismatch, true);
  });
});

describe('Import & Start payload', () => {
  it('sends the adjusted types of included columns and maps only the left-out columns, to null', async () => {
    const { proposedFieldsPayload } = await import('./import-request.js');
    const payload = proposedFieldsPayload([
      { header: 'E-mail', key: 'e_mail', type: 'email', isIncluded: true },
      { header: 'Office', key: 'office', type: 'address', isIncluded: true },
      { header: 'Internal id', key: 'internal_id', type: 'number', isIncluded: false },
    ]);
    assert.deepEqual(payload.fieldTypes, { 'E-mail': 'email', Office: 'address' });
    assert.deepEqual(payload.mapping, { 'Internal id': null });
  });
});
