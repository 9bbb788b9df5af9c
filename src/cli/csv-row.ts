/**
 * One RFC 4180 record: a field holding a comma, a double quote, CR or LF is quoted, with its
 * quotes doubled; records end in CRLF, as the RFC and spreadsheet imports expect.
 */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
