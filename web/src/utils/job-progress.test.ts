import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canRevert, isDryRunJob, jobEtaSeconds, jobRate, progressPercent } from './job-progress.js';

const running = { status: 'running' as const, recordsRead: 500, total: 2000, startedAt: 1_000, finishedAt: null, rate: null, etaSeconds: null };

describe('job progress', () => {
  it('computes the rate from rows read since the job started when the server sends none', () => {
    assert.equal(jobRate(running, 6_000), 100);
  });

  it('estimates the time left from the rate and the total', () => {
    assert.equal(jobEtaSeconds(running, 6_000), 15);
  });

  it("prefers the server's rate and ETA", () => {
    assert.equal(jobRate({ ...running, rate: 250 }, 6_000), 250);
    assert.equal(jobEtaSeconds({ ...running, etaSeconds: 3 }, 6_000), 3);
  });

  it('has no percent before the total is known, and 100 once closed', () => {
    assert.equal(progressPercent({ ...running, total: null }), null);
    assert.equal(progressPercent({ ...running, status: 'close', total: null }), 100);
    assert.equal(progressPercent(running), 25);
  });

  it('offers a revert for an ended job that stored rows, once', () => {
    const reverted = { status: 'reverted' as const, revertedAt: 1, removed: 1, restored: 0, kept: 0, dialRemoved: 0 };
    assert.equal(canRevert({ status: 'close', options: {}, revert: null }), true);
    assert.equal(canRevert({ status: 'cancelled', options: {} }), true);
    assert.equal(canRevert({ status: 'running', options: {}, revert: null }), false);
    assert.equal(canRevert({ status: 'close', options: { dryRun: true }, revert: null }), false);
    assert.equal(canRevert({ status: 'close', options: {}, revert: reverted }), false);
    assert.equal(canRevert({ status: 'close', options: {}, revert: { ...reverted, status: 'reverting', revertedAt: null } }), true);
  });
});

describe('dry runs', () => {
  it('tells a dry run by its options', () => {
    assert.equal(isDryRunJob({ options: { dryRun: true } }), true);
    assert.equal(isDryRunJob({ options: { dryRun: false } }), false);
    assert.equal(isDryRunJob({ options: {} }), false);
  });
});
