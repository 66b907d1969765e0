// The API counts offsets in Unicode code points (Python's str indexes); JavaScript strings
// are indexed in UTF-16 code units, where a character outside the Basic Multilingual
// Plane (an emoji, 𝐀) takes two. Every span is converted before it touches the text.

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A function from a code-point offset into `text` to the UTF-16 index of the same place.
 * Offsets past the end map to the end. Built in one pass over the text; a text with no
 * surrogate needs no table at all.
 * @param {string} text
 * @returns {(codePoint: number) => number}
 */
export function codePointIndexer(text) {
  if (!SURROGATE.test(text)) return (codePoint) => Math.min(Math.max(codePoint, 0), text.length);
  // table[c] is the UTF-16 index where code point c starts; the last entry is the end.
  const table = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let unit = 0; unit < text.length; codePoints += 1) {
    table[codePoints] = unit;
    const first = text.charCodeAt(unit);
    const pair =
      first >= 0xd800 && first <= 0xdbff && unit + 1 < text.length &&
      text.charCodeAt(unit + 1) >= 0xdc00 && text.charCodeAt(unit + 1) <= 0xdfff;
    unit += pair ? 2 : 1; // a lone surrogate is one code point, as in Python
  }
  table[codePoints] = text.length;
  return (codePoint) => table[Math.min(Math.max(codePoint, 0), codePoints)];
}

/**
 * The length of `text` in code points, as the API counts it.
 * @param {string} text
 */
export function codePointLength(text) {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
