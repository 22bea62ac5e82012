// Formula-injection defusing for every CSV and spreadsheet this server writes (OWASP "CSV injection"): a cell that a
// spreadsheet would evaluate — starting with = + - @, a tab or a carriage return, or their full-width forms — is
// written with a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text and run nothing.
// Numbers (typed as numbers) stay numbers: a negative amount is not text a person typed.
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null | undefined;

/** The characters that make a spreadsheet read a cell as a formula (ASCII and full-width: ＝ ＋ － ＠). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** True when a spreadsheet would treat the text as a formula. */
export function startsLikeFormula(text: string): boolean {
  // NOTE: leading spaces or line feeds do not make a cell safe: some spreadsheets trim them before evaluating.
  return FORMULA_START.test(text.replace(/^[ \n\u00A0\u3000]+/, ''));
}

/** A cell value as it may be written: text that could be read as a formula gets a leading apostrophe. */
export function defuseCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** One CSV record (RFC 4180 quoting, CRLF), each cell defused first. */
export function csvRecord(cells: readonly Cell[]): string {
  return (
    cells
      .map((cell) => {
        const text = defuseCell(cell);
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(',') + '\r\n'
  );
}

/**
 * The value a defused cell stood for, for files we read back (the HSDS datapackage round trip): only an apostrophe
 * that defuseCell could have added is removed, so "'=x" reads as "=x" and "'quoted" stays as it was.
 */
export function reviveCell(text: string): string {
  return text.startsWith("'") && startsLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

/** A one-sheet XLSX workbook: a header row, then the rows; every text cell defused as in CSV (exceljs writes text). */
export async function xlsxWorkbook(sheetName: string, header: readonly string[], rows: readonly (readonly Cell[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'number' || typeof cell === 'boolean' ? cell : defuseCell(cell))));
  return Buffer.from(await book.xlsx.writeBuffer());
}
