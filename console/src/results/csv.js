// CSV (RFC 4180) of a table, and file downloads made in the browser (no extra request).

/** A cell a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '. */
function safe(value) {
  const text = value === null || value === undefined ? '' : String(value);
  const formula = /^[=+\-@\t\r]/.test(text) && !(typeof value === 'number' || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text));
  return formula ? `'${text}` : text;
}

function quoted(value) {
  const text = safe(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns, rows) {
  return [columns, ...rows].map((row) => row.map(quoted).join(',')).join('\r\n') + '\r\n';
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** "routes › stops" -> "routes-stops" */
export function fileSafe(text) {
  return String(text).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'table';
}
