import { normalizeRecipient } from '../../../contracts/messaging';

export interface ParsedRecipients {
  /** E.164 numbers in list order, each once. */
  recipients: string[];
  duplicatesRemoved: number;
  /** Blank lines and lines whose first cell has no digit (a CSV header row, a title). */
  linesSkipped: number;
  /** Lines with digits that are not a valid number, 1-based, with what was written. */
  invalid: { line: number; value: string }[];
}

/** The first cell of a CSV line: up to the first separator, without surrounding quotes. */
function firstCell(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return end > 0 ? trimmed.slice(1, end) : trimmed.slice(1);
  }
  const cut = trimmed.search(/[,;\t]/);
  return cut === -1 ? trimmed : trimmed.slice(0, cut);
}

/**
 * Reads a pasted list or an uploaded CSV: one number per line, or the number in the first column. Numbers are
 * normalised so "+973 1234 5678" and "97312345678" count as the same recipient (each gets the message once).
 */
export function parseRecipients(text: string): ParsedRecipients {
  const seen = new Set<string>();
  const result: ParsedRecipients = { recipients: [], duplicatesRemoved: 0, linesSkipped: 0, invalid: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // A trailing newline is not a blank line a person wrote.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const cell = firstCell(line);
    if (!/\d/.test(cell)) {
      result.linesSkipped += 1;
      return;
    }
    const number = normalizeRecipient(cell);
    if (!number) {
      result.invalid.push({ line: index + 1, value: cell.slice(0, 40) });
      return;
    }
    if (seen.has(number)) result.duplicatesRemoved += 1;
    else {
      seen.add(number);
      result.recipients.push(number);
    }
  });
  return result;
}

/** The field error for the recipients box: the first few bad lines, and how many more there are. */
export function describeInvalidLines(invalid: ParsedRecipients['invalid'], shown = 5): string {
  const listed = invalid.slice(0, shown).map((item) => `line ${item.line} (“${item.value}”)`);
  const more = invalid.length > shown ? ` and ${invalid.length - shown} more` : '';
  return `Not a phone number in international format: ${listed.join(', ')}${more}.`;
}
