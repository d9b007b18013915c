import { describe, expect, it } from 'vitest';
import { freshened, keyedIn, keysOf, rekeyed, settled, tierOf, unkeyed } from '../../../../../renderer/src/data/search/keyTiers';

describe('key tiers', () => {
  it('puts a row\'s keys in exactly one index', () => {
    expect(keyedIn('fresh', ['n:星辰'])).toEqual({ searchKeys: [], freshKeys: ['n:星辰'] });
    expect(keyedIn('settled', ['n:星辰'])).toEqual({ searchKeys: ['n:星辰'], freshKeys: [] });
  });

  it('counts a row stored before the fresh index existed as settled', () => {
    const legacy = { searchKeys: ['n:星辰'] };
    expect(tierOf(legacy)).toBe('settled');
    expect(keysOf(legacy)).toEqual(['n:星辰']);
  });

  it('re-keys a row in the index it is in', () => {
    const fresh = { id: 'a', ...keyedIn('fresh', ['n:星辰']) };
    const old = { id: 'b', ...keyedIn('settled', ['n:星辰']) };
    expect(rekeyed(fresh, ['n:晨星'])).toEqual({ id: 'a', searchKeys: [], freshKeys: ['n:晨星'] });
    expect(rekeyed(old, ['n:晨星'])).toEqual({ id: 'b', searchKeys: ['n:晨星'], freshKeys: [] });
  });

  it('freshens a row for a write the clerk waits on, with new keys when given', () => {
    const old = { id: 'b', ...keyedIn('settled', ['n:星辰']) };
    expect(freshened(old)).toEqual({ id: 'b', searchKeys: [], freshKeys: ['n:星辰'] });
    expect(freshened(old, ['n:晨星'])).toEqual({ id: 'b', searchKeys: [], freshKeys: ['n:晨星'] });
  });

  it('compares rows apart from where their keys are indexed', () => {
    const fresh = { id: 'a', name: '星辰', ...keyedIn('fresh', ['n:星辰']) };
    expect(unkeyed(settled(fresh))).toEqual(unkeyed(fresh));
    expect(unkeyed(fresh)).toEqual({ id: 'a', name: '星辰' });
  });

  it('settles a fresh row\'s keys, and leaves a settled row as it is', () => {
    const fresh = { id: 'a', ...keyedIn('fresh', ['n:星辰', 'r:4321']) };
    expect(settled(fresh)).toEqual({ id: 'a', searchKeys: ['n:星辰', 'r:4321'], freshKeys: [] });
    expect(settled(settled(fresh))).toEqual(settled(fresh));
  });
});
