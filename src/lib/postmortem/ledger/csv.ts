/**
 * CSV per RFC 4180, safe to open in a spreadsheet: cells are quoted when
 * needed, and a cell that a spreadsheet would read as a formula is defused.
 */

/**
 * Characters that make Excel, LibreOffice and Google Sheets evaluate a cell (OWASP's list: = + - @ tab,
 * carriage return), also behind leading spaces or separators (`;=cmd|…`: a spreadsheet in a locale
 * that splits on `;` would otherwise see a cell starting with `=`).
 */
const FORMULA_START = /^[\s;,|]*[=+\-@\t\r]/;
/** What makes a cell need quotes: a separator of any common locale (`,` `;` tab), a quote, a line break, edge whitespace. */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

/**
 * One cell: a text cell starting with a formula character gets a `'` in front (the spreadsheet
 * convention for "this is text"), then the cell is quoted when it holds a
 * separator (comma, semicolon, tab), quote, line break or edge whitespace.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Numbers are data the writer produced, not text from a post-mortem: a negative one stays a number.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) joined with CRLF, ending with one. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
