// The article body with its annotations drawn in: entity mentions coloured by type,
// quotes marked (the quoted words, the words naming the speaker, the cue).

import { h } from "./dom.js";
import { typeClass, typeName } from "./entity-types.js";
import { codePointIndexer } from "./offsets.js";
import { nestSpans } from "./spans.js";

/** Which of two spans with the same range is drawn outside the other. */
const RANK = { quote: 0, words: 1, speaker: 2, cue: 2, mention: 3 };

/**
 * @typedef {import("./api.js").Mention} Mention
 * @typedef {import("./api.js").Quote} Quote
 * @typedef {{kind: "quote" | "words" | "speaker" | "cue", quote: Quote} | {kind: "mention", mention: Mention}} Mark
 */

/**
 * @typedef {object} BodyIndex  the elements drawn, to find them again
 * @property {Map<number, HTMLElement[]>} mentionsByEntity  each entity's mention elements
 * @property {Map<number, HTMLElement[]>} partsByQuote  every element of a quote (its pieces,
 *   words, speaker mention and cue)
 * @property {Map<number, HTMLElement>} quoteTargets  the focusable first piece of each quote
 * @property {Map<number, Quote>} quotes
 */

/**
 * Draw `body` into `container` with its mentions and quotes. API offsets are code points;
 * they are converted to UTF-16 indexes before the text is cut.
 * @param {HTMLElement} container
 * @param {string} body
 * @param {Mention[]} mentions
 * @param {Quote[]} quotes
 * @returns {BodyIndex}
 */
export function renderBody(container, body, mentions, quotes) {
  const at = codePointIndexer(body);
  /** @type {import("./spans.js").Span[]} */
  const spans = [];
  /** @param {{start: number, end: number}} span @param {Mark} mark */
  const add = (span, mark) =>
    spans.push({ start: at(span.start), end: at(span.end), rank: RANK[mark.kind], data: mark });
  for (const quote of quotes) {
    add(quote, { kind: "quote", quote });
    for (const words of quote.fragments.length ? quote.fragments : [quote]) add(words, { kind: "words", quote });
    if (quote.speaker_mention) add(quote.speaker_mention, { kind: "speaker", quote });
    if (quote.cue) add(quote.cue, { kind: "cue", quote });
  }
  for (const mention of mentions) add(mention, { kind: "mention", mention });

  /** @type {BodyIndex} */
  const index = {
    mentionsByEntity: new Map(),
    partsByQuote: new Map(),
    quoteTargets: new Map(),
    quotes: new Map(quotes.map((quote) => [quote.id, quote])),
  };
  const fragment = document.createDocumentFragment();
  /** @param {Node} parent @param {import("./spans.js").TreeNode[]} nodes */
  const draw = (parent, nodes) => {
    for (const node of nodes) {
      if ("text" in node) {
        parent.appendChild(document.createTextNode(body.slice(node.text[0], node.text[1])));
        continue;
      }
      const element = elementFor(/** @type {Mark} */ (node.span.data), node.piece, index);
      draw(element, node.children);
      parent.appendChild(element);
    }
  };
  draw(fragment, nestSpans(body.length, spans));
  container.replaceChildren(fragment);
  return index;
}

/**
 * @template K, V
 * @param {Map<K, V[]>} map @param {K} key @param {V} value
 */
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The element for one piece of a mark, recorded in `index`.
 * @param {Mark} mark
 * @param {number} piece
 * @param {BodyIndex} index
 */
function elementFor(mark, piece, index) {
  if (mark.kind === "mention") {
    const { mention } = mark;
    const element = h("span", {
      class: `mention ${typeClass(mention.entity.type)}`,
      "data-entity-id": mention.entity.id,
      "data-mention-id": mention.id,
      "data-piece": piece,
      title: `${mention.entity.name} (${typeName(mention.entity.type)})`,
    });
    push(index.mentionsByEntity, mention.entity.id, element);
    return element;
  }
  const { quote } = mark;
  const element = h("span", {
    class: { quote: "quote", words: "quote-words", speaker: "speaker-mention", cue: "cue" }[mark.kind],
    "data-quote-id": quote.id,
  });
  if (mark.kind === "quote") {
    element.dataset.piece = String(piece);
    if (piece === 0) {
      element.tabIndex = 0;
      index.quoteTargets.set(quote.id, element);
    }
  }
  push(index.partsByQuote, quote.id, element);
  return element;
}
