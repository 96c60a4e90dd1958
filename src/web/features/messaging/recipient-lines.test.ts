import { describe, expect, it } from 'vitest';
import { countFilledLines, withoutByteOrderMark } from './recipient-lines';

describe('recipients preview', () => {
  it('counts lines with something on them, whatever the line endings', () => {
    expect(countFilledLines('')).toBe(0);
    expect(countFilledLines('+97312345678')).toBe(1);
    expect(countFilledLines('phone,name\r\n+97312345678,Ann\r\n\r\n  \n97312345679,Bob\n')).toBe(3);
  });

  it('counts a 100,000-line list quickly', () => {
    const list = Array.from({ length: 100_000 }, (_, i) => `+97336${String(i).padStart(6, '0')}`).join('\n');
    const started = performance.now();
    expect(countFilledLines(list)).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('drops the byte-order mark of an Excel CSV and nothing else', () => {
    expect(withoutByteOrderMark('\uFEFFphone\n+97312345678')).toBe('phone\n+97312345678');
    expect(withoutByteOrderMark('phone')).toBe('phone');
  });
});
