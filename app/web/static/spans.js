// Nesting spans that may overlap into a tree of elements, losing no text.
//
// Annotations nest (a mention inside a quote) and may cross (a span that starts inside
// another and ends after it). Elements can only nest, so the text is cut at every span
// edge into runs, each lying under the spans that cover it, outermost first. Walking the
// runs in order keeps an element open while the next run still lies under its span, and
// closes and reopens a span only where another crosses its edge: that span is then drawn
// in several pieces (`piece` 0, 1, ...).
//
//   text   abcdefghij     spans a = [0, 6), b = [3, 9)
//   runs   abc | def | ghi | j    under [a], [a, b], [b], []
//   tree   <a>abc<b>def</b></a><b>ghi</b>j      (b in two pieces)

/**
 * @typedef {object} Span
 * @property {number} start  index into the text (UTF-16 units), inclusive
 * @property {number} end    exclusive
 * @property {number} rank   for equal ranges, lower ranks are drawn outside higher ones
 * @property {unknown} [data]
 */

/**
 * @typedef {object} SpanNode
 * @property {Span} span
 * @property {number} piece     0 for a span's first element, 1 for the next...
 * @property {TreeNode[]} children
 */
/** @typedef {{text: [number, number]}} TextNode  a stretch of the text: [start, end) */
/** @typedef {SpanNode | TextNode} TreeNode */

/**
 * The order in which spans open: earlier start first, then the longer, then the lower rank,
 * then the order given. A span that opens first is drawn outside the others.
 * @param {Span & {order: number}} a
 * @param {Span & {order: number}} b
 */
function outerFirst(a, b) {
  return a.start - b.start || b.end - a.end || a.rank - b.rank || a.order - b.order;
}

/**
 * Cut `[0, length)` at every span edge. Empty spans and spans outside the text are left out.
 * @param {number} length
 * @param {Span[]} spans
 * @returns {Array<{start: number, end: number, open: Span[]}>} runs in text order, each with
 *   the spans covering it, outermost first
 */
export function cutIntoRuns(length, spans) {
  const usable = spans
    .map((span, order) => ({ ...span, order, original: span }))
    .filter((span) => span.start >= 0 && span.start < span.end && span.end <= length)
    .sort(outerFirst);
  const edges = [...new Set([0, length, ...usable.flatMap((span) => [span.start, span.end])])]
    .sort((a, b) => a - b);
  const runs = [];
  /** @type {typeof usable} */
  let open = [];
  let next = 0;
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const start = edges[i];
    open = open.filter((span) => span.end > start);
    // Spans opening here start after every open one, so appending keeps outerFirst order.
    while (next < usable.length && usable[next].start === start) open.push(usable[next++]);
    runs.push({ start, end: edges[i + 1], open: open.map((span) => span.original) });
  }
  return runs;
}

/**
 * The tree of elements to draw for `spans` over a text of `length` units.
 * @param {number} length
 * @param {Span[]} spans
 * @returns {TreeNode[]} the top-level nodes, in text order
 */
export function nestSpans(length, spans) {
  /** @type {TreeNode[]} */
  const roots = [];
  /** @type {SpanNode[]} the open elements, outermost first */
  const stack = [];
  /** @type {Map<Span, number>} */
  const pieces = new Map();
  for (const run of cutIntoRuns(length, spans)) {
    let kept = 0;
    while (kept < stack.length && kept < run.open.length && stack[kept].span === run.open[kept]) {
      kept += 1;
    }
    stack.length = kept;
    for (const span of run.open.slice(kept)) {
      const piece = pieces.get(span) ?? 0;
      pieces.set(span, piece + 1);
      /** @type {SpanNode} */
      const node = { span, piece, children: [] };
      (stack.length ? stack[stack.length - 1].children : roots).push(node);
      stack.push(node);
    }
    (stack.length ? stack[stack.length - 1].children : roots).push({ text: [run.start, run.end] });
  }
  return roots;
}
