/**
 * CSV per RFC 4180, safe to open in a spreadsheet: cells are quoted when
 * needed, and a cell that a spreadsheet would read as a formula is defused.
 */

/** Characters that make Excel, LibreOffice and Google Sheets evaluate a cell (OWASP's list: = + - @ tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a text cell starting with a formula character gets a `'` in front (the spreadsheet
 * convention for "this is text"), then the cell is quoted when it holds a
 * comma, quote, line break or edge whitespace.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Numbers are data the writer produced, not text from a post-mortem: a negative one stays a number.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) joined with CRLF, ending with one. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
