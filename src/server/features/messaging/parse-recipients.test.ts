import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeInvalidLines, parseRecipients } from './parse-recipients';

describe('parseRecipients', () => {
  it('reads one number per line or the first CSV column, skipping headers and blank lines', () => {
    const parsed = parseRecipients('phone,name\r\n+973 3612 3456,Ann\n"97336123457";Bob\n\n14155550123\t\n');
    expect(parsed).toEqual({
      recipients: ['+97336123456', '+97336123457', '+14155550123'],
      duplicatesRemoved: 0,
      linesSkipped: 2,
      invalid: [],
    });
  });

  it('counts the same number written two ways once', () => {
    const parsed = parseRecipients('+97336123456\n973-3612-3456\n+1 415 555 0123');
    expect(parsed.recipients).toEqual(['+97336123456', '+14155550123']);
    expect(parsed.duplicatesRemoved).toBe(1);
  });

  it('reports lines with digits that are not numbers, by line', () => {
    const parsed = parseRecipients('+97336123456\n12\nabc 5\n');
    expect(parsed.invalid).toEqual([
      { line: 2, value: '12' },
      { line: 3, value: 'abc 5' },
    ]);
    expect(describeInvalidLines(parsed.invalid, 1)).toBe('Not a phone number in international format: line 2 (“12”) and 1 more.');
  });

  it('never keeps a recipient twice and accounts for every line', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('+97336123456', '97336123457', 'name', '', '12', '+1 415 555 0123'), { minLength: 1, maxLength: 40 }), (lines) => {
        const parsed = parseRecipients(`${lines.join('\n')}\n`);
        expect(new Set(parsed.recipients).size).toBe(parsed.recipients.length);
        const accounted = parsed.recipients.length + parsed.duplicatesRemoved + parsed.linesSkipped + parsed.invalid.length;
        expect(accounted).toBe(lines.length);
      }),
    );
  });
});
