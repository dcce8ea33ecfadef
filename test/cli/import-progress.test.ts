import { formatProgress } from '../../src/cli/import-progress';

describe('formatProgress', () => {
  it('shows the bar, the lines done, the rate and the time left when the size is known', () => {
    expect(formatProgress({ lines: 42_000, elapsedMs: 5_000, done: 0.42, etaSeconds: 7 })).toBe(
      '[████████░░░░░░░░░░░░] 42% | 42,000 lines | 8,400 lines/s | 7s left',
    );
    expect(formatProgress({ lines: 10, elapsedMs: 1000, done: 0.01, etaSeconds: 3725 })).toContain('| 1h 02m left');
    expect(formatProgress({ lines: 10, elapsedMs: 1000, done: 0.5, etaSeconds: 75 })).toContain('| 1m 15s left');
  });

  it('leaves out what is not known: the bar and time left of a pipe, the time left before the first line', () => {
    expect(formatProgress({ lines: 1500, elapsedMs: 500 })).toBe('1,500 lines | 3,000 lines/s');
    expect(formatProgress({ lines: 0, elapsedMs: 0, done: 0, etaSeconds: 0 })).toBe(
      '[░░░░░░░░░░░░░░░░░░░░] 0% | 0 lines',
    );
    expect(formatProgress({ lines: 9, elapsedMs: 100, done: 1, etaSeconds: 0 })).not.toContain('left');
    expect(formatProgress({ lines: 9, elapsedMs: 100, done: 0.5, etaSeconds: Infinity })).not.toContain('left');
  });
});
