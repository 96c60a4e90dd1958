import { describe, expect, it } from 'vitest';
import type { UsageFigure } from '../../../contracts/messaging';
import { isLimitReached, usageColor, usageLeft, usagePercent, usageText } from './usage-figures';

const at = (used: number, limit: number): UsageFigure => ({ used, limit, resetsAt: '2026-05-02T00:00:00.000Z' });

describe('usage figures', () => {
  it('reads -1 as unlimited: no percentage, never reached, nothing to count down', () => {
    expect(usageText(at(1234, -1))).toBe(`${(1234).toLocaleString()} / Unlimited`);
    expect(usagePercent(at(1234, -1))).toBeNull();
    expect(isLimitReached(at(1234, -1))).toBe(false);
    expect(usageLeft(at(1234, -1))).toBeNull();
    expect(usageColor(at(1234, -1))).toBe('teal');
  });

  it('shows used out of the limit and how full it is', () => {
    expect(usageText(at(12, 100))).toBe('12 / 100');
    expect(usagePercent(at(12, 100))).toBe(12);
    expect(usageLeft(at(12, 100))).toBe(88);
    expect(usageColor(at(12, 100))).toBe('teal');
    expect(usageColor(at(80, 100))).toBe('orange');
  });

  it('is reached at the limit, and a limit of 0 is full from the start', () => {
    expect(isLimitReached(at(100, 100))).toBe(true);
    expect(usageColor(at(100, 100))).toBe('red');
    expect(isLimitReached(at(0, 0))).toBe(true);
    expect(usagePercent(at(0, 0))).toBe(100);
  });

  it('caps an overshoot (a limit lowered after sending) at full and nothing left', () => {
    expect(usagePercent(at(150, 100))).toBe(100);
    expect(usageLeft(at(150, 100))).toBe(0);
  });
});
