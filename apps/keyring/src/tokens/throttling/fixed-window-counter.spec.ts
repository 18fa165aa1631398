import { FixedWindowCounter } from './fixed-window-counter';

describe('a fixed-window counter', () => {
  it('refuses a key at its limit until its window ends, and says how long that is', () => {
    const counter = new FixedWindowCounter(3, 60_000, 100);
    for (let at = 0; at < 3; at++) {
      expect(counter.secondsUntilBelowLimit('a', at * 1000)).toBeNull();
      counter.add('a', at * 1000);
    }
    expect(counter.secondsUntilBelowLimit('a', 10_000)).toBe(50);
    expect(counter.secondsUntilBelowLimit('b', 10_000)).toBeNull();
    expect(counter.secondsUntilBelowLimit('a', 59_999)).toBe(1);
    expect(counter.secondsUntilBelowLimit('a', 60_000)).toBeNull();
  });

  it('holds at most its capacity, forgetting the oldest windows first', () => {
    const counter = new FixedWindowCounter(1, 60_000, 100);
    for (let key = 0; key < 10_000; key++) counter.add(`key-${key}`, key);
    expect(counter.size).toBe(100);
    expect(counter.secondsUntilBelowLimit('key-9999', 10_000)).not.toBeNull();
    expect(counter.secondsUntilBelowLimit('key-0', 10_000)).toBeNull();
  });
});
