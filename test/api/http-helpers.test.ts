import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { actionsOf } from '../../src/customers/field-actions.js';
import { contentDisposition } from '../../src/server/content-disposition.js';
import { toAppError } from '../../src/server/http-errors.js';
import { httpStatusOf } from '../../src/shared/app-error.js';

describe('the actions of a typed field', () => {
  it('gives e-mail, click-to-call and SMS, fax and map links for non-empty values only', () => {
    assert.deepEqual(actionsOf('email', 'li.wei@example.com'), [{ kind: 'mailto', href: 'mailto:li.wei@example.com' }]);
    assert.deepEqual(actionsOf('phone', '+1 (415) 555-0101'), [
      { kind: 'tel', href: 'tel:+14155550101' },
      { kind: 'sms', href: 'sms:+14155550101' },
    ]);
    assert.deepEqual(actionsOf('fax', '+86 10 1234 5678'), [{ kind: 'fax', href: 'fax:+861012345678' }]);
    assert.deepEqual(actionsOf('address', '1 Market St, San Francisco'), [{ kind: 'map', href: 'https://www.openstreetmap.org/search?query=1%20Market%20St%2C%20San%20Francisco' }]);
    assert.deepEqual(actionsOf('text', 'hello'), []);
    assert.deepEqual(actionsOf('email', '  '), []);
    assert.deepEqual(actionsOf('phone', null), []);
  });

  it("dials a phone's extension as written in the file, which the stored E.164 number cannot hold", () => {
    assert.deepEqual(actionsOf('phone', '+14155550137', '415-555-0137 ext. 12'), [
      { kind: 'tel', href: 'tel:+14155550137;ext=12' },
      { kind: 'sms', href: 'sms:+14155550137' },
    ]);
    assert.equal(actionsOf('phone', '+861012345678', '010-12345678转8001')[0]?.href, 'tel:+861012345678;ext=8001');
    assert.equal(actionsOf('phone', '+442079460018', '+44 20 7946 0018 x 7')[0]?.href, 'tel:+442079460018;ext=7');
    assert.equal(actionsOf('phone', '+14155550137', '(415) 555-0137')[0]?.href, 'tel:+14155550137');
    assert.equal(actionsOf('phone', '+14155550137', '+14155550137')[0]?.href, 'tel:+14155550137');
  });

  it('keeps a value from smuggling a link of its own into the href', () => {
    assert.deepEqual(actionsOf('phone', 'javascript:alert(1)'), [
      { kind: 'tel', href: 'tel:1' },
      { kind: 'sms', href: 'sms:1' },
    ]);
    assert.deepEqual(actionsOf('phone', 'call me'), []);
    assert.equal(actionsOf('email', 'a@b.c?cc=x@y.z')[0]?.href, 'mailto:a@b.c%3Fcc%3Dx@y.z');
  });
});

describe('Content-Disposition of a download', () => {
  it('names the file for every browser: an ASCII fallback and the UTF-8 name', () => {
    assert.equal(contentDisposition('job-12-error.csv'), `attachment; filename="job-12-error.csv"; filename*=UTF-8''job-12-error.csv`);
    assert.equal(contentDisposition('客户 "名单".csv'), `attachment; filename="__ ____.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7%20%22%E5%90%8D%E5%8D%95%22.csv`);
  });
});

describe('an error as the API answers it', () => {
  it('answers a database that went away with 503 UNAVAILABLE, to be tried again, and anything unknown with 500', () => {
    const gone = toAppError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    assert.deepEqual([gone.code, httpStatusOf(gone.code)], ['UNAVAILABLE', 503]);
    assert.doesNotMatch(gone.message, /127\.0\.0\.1/);
    const bug = toAppError(new TypeError('x is undefined'));
    assert.deepEqual([bug.code, httpStatusOf(bug.code)], ['INTERNAL', 500]);
  });
});
