/** The settings the referral form added: the numbers it tells people to call when a child is in immediate danger. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';

describe('referral configuration', () => {
  it('has the documented defaults: 112 and the national child-protection line 1107', () => {
    const c = loadConfig({});
    assert.equal(c.emergencyNumber, '112');
    assert.equal(c.childLineNumber, '1107');
    assert.equal(c.referralStatusFailuresPerWindow, 10);
  });

  it('reads both numbers', () => {
    const c = loadConfig({ KENTRO_EMERGENCY_NUMBER: ' 100 ', KENTRO_CHILD_LINE_NUMBER: '+30 210 123 4567' });
    assert.equal(c.emergencyNumber, '100');
    assert.equal(c.childLineNumber, '+30 210 123 4567');
  });

  it('refuses what could not be dialled', () => {
    for (const value of ['one-one-two', '112 or 100', '+', '1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6', '11-07']) {
      assert.throws(() => loadConfig({ KENTRO_CHILD_LINE_NUMBER: value }), /KENTRO_CHILD_LINE_NUMBER/, value);
    }
    assert.throws(() => loadConfig({ KENTRO_EMERGENCY_NUMBER: 'call 112' }), /KENTRO_EMERGENCY_NUMBER/);
  });
});
