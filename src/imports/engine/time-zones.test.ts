import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseTimeZone, timeZoneProblem } from './time-zones.js';

const us = (value: string) => normaliseTimeZone(value, 'US');

test('an IANA name is kept, spelled as the time-zone database spells it', () => {
  assert.equal(us('America/Chicago'), 'America/Chicago');
  assert.equal(us('america/los_angeles'), 'America/Los_Angeles');
  assert.equal(us('Asia/Kolkata'), 'Asia/Kolkata');
  assert.equal(us('Etc/GMT+5'), 'Etc/GMT+5');
  assert.equal(us('CET'), 'CET');
});

test("North America's zone names and abbreviations are the zones people mean, with their summer time", () => {
  assert.equal(us('Eastern'), 'America/New_York');
  assert.equal(us('EST'), 'America/New_York');
  assert.equal(us('Central Time'), 'America/Chicago');
  assert.equal(us('MDT'), 'America/Denver');
  assert.equal(us('pacific'), 'America/Los_Angeles');
  assert.equal(us('HST'), 'Pacific/Honolulu');
  assert.equal(us('Arizona'), 'America/Phoenix');
});

test("Windows' zone names and display names are read as their zones", () => {
  assert.equal(us('Central Standard Time'), 'America/Chicago');
  assert.equal(us('W. Europe Standard Time'), 'Europe/Berlin');
  assert.equal(us('India Standard Time'), 'Asia/Kolkata');
  assert.equal(us('(UTC-06:00) Central Time (US & Canada)'), 'America/Chicago');
  assert.equal(us('(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi'), 'UTC+05:30');
  assert.equal(us('(UTC) Coordinated Universal Time'), 'UTC');
});

test('an offset from UTC, however written, is one spelling', () => {
  for (const [written, offset] of [['UTC-5', 'UTC-05:00'], ['GMT+8', 'UTC+08:00'], ['+0530', 'UTC+05:30'], ['UTC \u22125', 'UTC-05:00'], ['-3.5', 'UTC-03:30'], ['8', 'UTC+08:00'], ['+14', 'UTC+14:00'], ['UTC-11', 'UTC-11:00'], ['GMT', 'UTC'], ['UTC+0', 'UTC'], ['0', 'UTC']]) {
    assert.equal(us(written as string), offset, written);
  }
});

test('an abbreviation countries share is read as the team country has it, or not at all', () => {
  assert.equal(normaliseTimeZone('CST', 'US'), 'America/Chicago');
  assert.equal(normaliseTimeZone('CST', 'CN'), 'Asia/Shanghai');
  assert.equal(normaliseTimeZone('IST', 'IN'), 'Asia/Kolkata');
  assert.equal(normaliseTimeZone('IST', 'US'), null);
  assert.equal(normaliseTimeZone('AST', 'US'), 'America/Puerto_Rico');
  assert.equal(normaliseTimeZone('AST', 'CA'), 'America/Halifax');
  assert.equal(normaliseTimeZone('AST', 'DE'), null);
  assert.match(timeZoneProblem('IST'), /several countries: write the one it is \(Asia\/Kolkata, Asia\/Jerusalem or Europe\/Dublin\)/);
});

test('what names no time zone is none: a word, a place, a time of day, an offset no zone has', () => {
  for (const value of ['banana', 'New York', '12:00', '-13', '+15', 'UTC+05:20', '1415']) assert.equal(us(value), null, value);
  assert.match(timeZoneProblem('banana'), /is not a time zone: write its name, such as America\/Chicago, or an offset such as UTC-06:00/);
});
