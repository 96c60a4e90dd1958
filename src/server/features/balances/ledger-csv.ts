import type { LedgerRow } from '../../../contracts/balances';

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"): such text cells are
// prefixed with a quote so they show as typed. Numbers are written as numbers and need no guard ("-30" is a value).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a quote, comma, line break or edge spaces; quotes doubled. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const LEDGER_CSV_HEADER = ['Time (UTC)', 'Type', 'Days', 'Channel', 'Channel ID', 'User', 'Actor', 'Note', 'Op ID'];

export function ledgerCsvLine(row: LedgerRow): string {
  return csvLine([
    row.createdAt,
    row.type,
    row.days,
    row.channel?.name ?? null,
    row.channel?.ref ?? row.channel?.id ?? null,
    row.user?.email ?? null,
    row.actor?.email ?? null,
    row.note,
    row.opId,
  ]);
}

/**
 * The export as a stream of lines: a UTF-8 byte-order mark first (Excel then reads names and notes as UTF-8),
 * the header, then one line per row.
 */
export async function* ledgerCsv(rows: AsyncIterable<LedgerRow>): AsyncGenerator<string> {
  let chunk = `\uFEFF${csvLine(LEDGER_CSV_HEADER)}`;
  for await (const row of rows) {
    chunk += ledgerCsvLine(row);
    // Hand the socket chunks of ~64 KB rather than one write per row.
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
