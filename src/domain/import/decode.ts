import type { FileProblem } from './problems';

/**
 * Bytes to text, for files as offices have them: UTF-8 with or without a byte order mark (Excel's
 * "CSV UTF-8" writes one), UTF-16 (Excel's "Unicode Text"), and Windows-1252 (Excel's plain "CSV"
 * on Windows in Indonesia and most of the world). Anything else is refused, never guessed into
 * mojibake: a binary file (`binary`) or text in another legacy encoding such as GBK or
 * Shift-JIS (`encoding`). TextDecoder only: runs in Node, browsers and Web Workers alike.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; problem: FileProblem };

/** Signatures of common binary formats that are not spreadsheets. */
const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // ZIP (an XLSX, DOCX… read as text)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // MZ (Windows executable)
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (old .xls, .doc)
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

const SAMPLE = 8192;

function hasSignature(bytes: Uint8Array): boolean {
  return SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b));
}

/** UTF-16 without a BOM: ASCII text then has a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters other than tab, CR, LF and form feed: text files have none. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a)
      controls += 1;
  }
  return controls > Math.max(2, n * 0.01);
}

/**
 * Windows-1252 text has its non-ASCII letters one at a time among ASCII ones ("José", "Müller").
 * Bytes of a double-byte encoding (GBK 滨州市 = B1 F5 D6 DD CA D0) come in long runs, and
 * the five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) never occur in it.
 */
function plausibleWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  const close = () => {
    if (run >= 2) inRuns += run;
    run = 0;
  };
  for (const b of bytes) {
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    if (b >= 0x80) {
      high += 1;
      run += 1;
    } else close();
  }
  close();
  return inRuns * 2 <= high;
}

function decoder(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false });
  } catch {
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: { code: 'empty' } };
  // Byte order marks say it outright.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictUtf8(bytes, true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', true);
  const wide = utf16WithoutBom(bytes);
  if (wide) return utf16(bytes, wide, false);
  if (hasSignature(bytes) || looksBinary(bytes)) return { ok: false, problem: { code: 'binary' } };
  const utf8 = strictUtf8(bytes, false);
  if (utf8.ok) return utf8;
  if (!plausibleWindows1252(bytes)) return { ok: false, problem: { code: 'encoding' } };
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
}

/**
 * 0x80–0x9F in Windows-1252 (€, curly quotes, dashes, Š, Ž…). Some TextDecoders (Node 20's among
 * them) decode the label as ISO-8859-1 and give C1 control characters there instead: the table
 * makes the answer the same everywhere. The five bytes Windows-1252 leaves undefined are refused
 * before (plausibleWindows1252).
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const part = bytes.subarray(start, start + CHUNK);
    const codes = new Array<number>(part.length);
    for (let i = 0; i < part.length; i += 1) {
      const b = part[i] as number;
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

function strictUtf8(bytes: Uint8Array, bom: boolean): Decoded {
  try {
    // TextDecoder drops the BOM itself (ignoreBOM: false).
    const text = (decoder('utf-8', true) as TextDecoder).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', bom };
  } catch {
    return { ok: false, problem: { code: 'encoding' } };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): Decoded {
  const d = decoder(encoding, true);
  if (!d) return { ok: false, problem: { code: 'encoding' } };
  try {
    const text = d.decode(bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1));
    if (text.includes('\u0000')) return { ok: false, problem: { code: 'binary' } };
    return { ok: true, text, encoding, bom };
  } catch {
    return { ok: false, problem: { code: 'encoding' } };
  }
}
