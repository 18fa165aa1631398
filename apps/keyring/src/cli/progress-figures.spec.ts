import { formatDuration, progressFigures } from './progress-figures';

describe('progress figures', () => {
  it('show the rate since the start and the time left at that rate', () => {
    expect(progressFigures(20_000, 100_000, 4000)).toEqual({
      done: '20,000',
      total: '100,000',
      percent: 20,
      rate: '5,000',
      timeLeft: '16 s',
    });
  });

  it('do not guess the time left before anything is done', () => {
    expect(progressFigures(0, 1000, 0)).toMatchObject({ rate: '0', timeLeft: 'unknown', percent: 0 });
  });

  it('never pass 100 % nor a negative time left when the total was an estimate', () => {
    expect(progressFigures(1200, 1000, 1000)).toMatchObject({ percent: 100, timeLeft: '0 s' });
  });

  it('write durations in the largest units that matter', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(7_620_000)).toBe('2 h 07 min');
  });
});
