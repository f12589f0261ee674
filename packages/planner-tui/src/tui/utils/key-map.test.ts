import { describe, expect, it } from 'vitest';
import { KEY_HELP, keyToAction, scrollOffset } from './key-map.js';

describe('keyToAction', () => {
  it('maps the arrows and +/- to user steps', () => {
    expect(keyToAction('', { upArrow: true })).toEqual({ type: 'scale-users', direction: 1 });
    expect(keyToAction('+', {})).toEqual({ type: 'scale-users', direction: 1 });
    expect(keyToAction('', { downArrow: true })).toEqual({ type: 'scale-users', direction: -1 });
    expect(keyToAction('-', {})).toEqual({ type: 'scale-users', direction: -1 });
    expect(keyToAction('', { rightArrow: true })).toEqual({ type: 'fine-step-users', direction: 1 });
    expect(keyToAction('', { leftArrow: true })).toEqual({ type: 'fine-step-users', direction: -1 });
  });

  it('maps letters to what-ifs, lower case up and upper case down', () => {
    expect(keyToAction('p', {})?.type).toBe('next-profile');
    expect(keyToAction('o', {})?.type).toBe('next-purchase');
    expect(keyToAction('h', {})?.type).toBe('cycle-ha');
    expect(keyToAction('f', {})?.type).toBe('cycle-families');
    expect(keyToAction('a', {})?.type).toBe('cycle-arch');
    expect(keyToAction('d', {})).toEqual({ type: 'step-workload', key: 'dauPerMau', direction: 1 });
    expect(keyToAction('D', {})).toEqual({ type: 'step-workload', key: 'dauPerMau', direction: -1 });
    expect(keyToAction('r', {})).toEqual({ type: 'step-workload', key: 'requestsPerActiveUserPerDay', direction: 1 });
    expect(keyToAction('K', {})).toEqual({ type: 'step-workload', key: 'peakToAverage', direction: -1 });
  });

  it('maps panes, pin, export, help and quit', () => {
    expect(keyToAction('', { tab: true })).toEqual({ type: 'next-pane', direction: 1 });
    expect(keyToAction('', { tab: true, shift: true })).toEqual({ type: 'next-pane', direction: -1 });
    expect(keyToAction('s', {})?.type).toBe('pin');
    expect(keyToAction('e', {})?.type).toBe('export');
    expect(keyToAction('?', {})?.type).toBe('toggle-help');
    expect(keyToAction('q', {})?.type).toBe('quit');
    expect(keyToAction('c', { ctrl: true })?.type).toBe('quit');
    expect(keyToAction('', { pageDown: true })).toEqual({ type: 'scroll', by: 'page-down' });
    expect(keyToAction(']', {})).toEqual({ type: 'scroll', by: 'page-down' });
    expect(keyToAction('z', {})).toBeUndefined();
  });

  it('the help lists every letter key that does something', () => {
    const help = KEY_HELP.map((k) => k.keys).join(' ');
    for (const c of 'pPohfdDrRkKxsSeq?[]'.split('')) {
      expect(keyToAction(c, {}), c).toBeDefined();
      expect(help, c).toContain(c);
    }
  });
});

describe('scrollOffset', () => {
  it('pages within the content', () => {
    expect(scrollOffset('page-down', 0, 10, 25)).toBe(9);
    expect(scrollOffset('page-down', 9, 10, 25)).toBe(15);
    expect(scrollOffset('page-up', 3, 10, 25)).toBe(0);
    expect(scrollOffset('bottom', 0, 10, 25)).toBe(15);
    expect(scrollOffset('page-down', 0, 10, 5)).toBe(0);
  });
});
