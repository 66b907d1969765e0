// One article: its body with the annotations drawn in, and beside it the entities, the
// selected entity and the governments. Everything is read from the API, every list whole.

import { getAll, getJson } from "./api.js";
import { renderBody } from "./body-view.js";
import { h, plural, readableDate, replaceChildren, safeHttpUrl } from "./dom.js";
import { codePointIndexer } from "./offsets.js";
import { errorBox } from "./errors.js";
import { attachQuoteTip } from "./quote-tip.js";
import { entityList, governmentList, showSelectedEntity } from "./side-panel.js";

/**
 * @typedef {import("./api.js").Article} Article
 * @typedef {import("./api.js").ArticleEntity} ArticleEntity
 * @typedef {import("./api.js").Government} Government
 * @typedef {import("./api.js").Mention} Mention
 * @typedef {import("./api.js").Quote} Quote
 */

/**
 * Show article `articleId` in `main`.
 * @param {HTMLElement} main
 * @param {number} articleId
 * @param {AbortSignal} signal  aborted when the reader goes elsewhere
 * @param {{start: number, end: number} | null} [span]  words to select once drawn (the
 *   evidence a timeline links to), in the API's code-point offsets
 * @returns {Promise<HTMLElement | null>} the heading to focus
 */
export async function showArticle(main, articleId, signal, span = null) {
  replaceChildren(main, h("p", { class: "status", role: "status" }, "Loading the article…"));
  /** @type {Article} */
  let article;
  try {
    article = await getJson(`articles/${articleId}`, {}, signal);
  } catch (error) {
    if (signal.aborted) return null;
    const heading = h("h1", { tabindex: "-1" }, "The article could not be shown");
    document.title = "Article not shown · Annotated Articles";
    replaceChildren(main, heading, errorBox(error, { retry: () => void showArticle(main, articleId, signal, span) }),
      h("p", {}, h("a", { href: "#/" }, "Back to the articles")));
    return heading;
  }
  document.title = `${article.title} · Annotated Articles`;
  const heading = h("h1", { id: "article-title", tabindex: "-1" }, article.title);
  const status = h("div", { class: "status", role: "status" }, "Loading the annotations…");
  const body = h("div", { class: "article-body", lang: article.language }, article.body);
  const panel = h("section", { class: "side-panel", "aria-label": "Annotations" });
  replaceChildren(main, h("div", { class: "article-layout" },
    h("article", { class: "article", "aria-labelledby": "article-title" },
      heading, articleMeta(article), status,
      h("p", { class: "hint" }, "Names are coloured by type. Quotes are underlined: point at one, or reach it with Tab, to see who said it."),
      body),
    panel));
  await annotate({ article, body, panel, status, host: main, signal });
  if (span && !signal.aborted) selectSpan(body, article.body, span);
  return heading;
}

/**
 * Fetch the annotations and draw them; on failure, say so in `status` with a retry.
 * @param {{article: Article, body: HTMLElement, panel: HTMLElement, status: HTMLElement,
 *   host: HTMLElement, signal: AbortSignal}} view
 */
async function annotate(view) {
  const { article, signal } = view;
  const path = `articles/${article.id}`;
  /** @type {[Mention[], ArticleEntity[], Quote[], Government[]]} */
  let lists;
  try {
    lists = await Promise.all([
      getAll(`${path}/mentions`, {}, signal),
      getAll(`${path}/entities`, {}, signal),
      getAll(`${path}/quotes`, {}, signal),
      getAll(`${path}/governments`, {}, signal),
    ]);
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(view.status, errorBox(error, {
      retry: () => { replaceChildren(view.status, "Loading the annotations…"); void annotate(view); },
    }));
    return;
  }
  const [mentions, entities, quotes, governments] = lists;
  try {
    await readAllEvidence(governments, signal);
  } catch {
    // The first 100 spans are shown; the rest is a detail not worth failing the view for.
  }
  if (signal.aborted) return;
  const index = renderBody(view.body, article.body, mentions, quotes);
  const tip = attachQuoteTip(view.body, index, view.host, signal);
  replaceChildren(view.status, `${plural(mentions.length, "mention")} of ${plural(entities.length, "entity", "entities")}, ${plural(quotes.length, "quote")}, ${plural(governments.length, "government")}.`);
  view.status.classList.add("visually-hidden");

  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const selected = h("div", { class: "panel-section selected-entity", "aria-live": "polite" });
  const list = entityList(entities, (id) => select(current === id ? null : id));
  replaceChildren(view.panel, selected, list.element,
    governmentList(governments, article.id, new Set(entityById.keys()), (id) => {
      select(id);
      // The choice shows at the panel's top, far from a government low in the panel.
      selected.querySelector("h2")?.focus();
    }, (id) => getJson(`governments/${id}/timeline`, {}, signal)));

  /** @type {number | null} */
  let current = null;
  let position = -1;
  /** The first element of each mention of the current entity, in text order. */
  const mentionStarts = () =>
    (index.mentionsByEntity.get(current ?? -1) ?? []).filter((element) => element.dataset.piece === "0");

  /** @param {number | null} entityId */
  function select(entityId) {
    for (const element of index.mentionsByEntity.get(current ?? -1) ?? []) {
      element.classList.remove("selected");
      element.removeAttribute("tabindex");
    }
    current = entityId;
    position = -1;
    for (const element of index.mentionsByEntity.get(current ?? -1) ?? []) element.classList.add("selected");
    for (const element of mentionStarts()) element.tabIndex = -1; // reachable by "Next mention"
    list.setSelected(current);
    const entity = current === null ? null : entityById.get(current) ?? entityFromMentions(current, mentions);
    showSelectedEntity(selected, entity, {
      highlighted: mentionStarts().length,
      quotes: quotes.filter((quote) => quote.speaker?.id === current),
      step: (by) => {
        const starts = mentionStarts();
        if (starts.length === 0) return;
        position = (position + by + starts.length) % starts.length;
        starts[position].focus();
      },
      clear: () => select(null),
      openQuote: (quoteId) => {
        index.quoteTargets.get(quoteId)?.focus();
        tip.show(quoteId);
      },
    });
  }
  select(null);
  view.body.addEventListener("click", (event) => {
    const mention = event.target instanceof Element ? event.target.closest(".mention") : null;
    if (mention instanceof HTMLElement) select(Number(mention.dataset.entityId));
  });
}

/**
 * Complete each government's evidence past the first 100 spans the list gives: those
 * come from every article, in article order, so this article's may lie beyond them.
 * @param {Government[]} governments
 * @param {AbortSignal} signal
 */
async function readAllEvidence(governments, signal) {
  await Promise.all(governments.filter((g) => g.evidence_next_cursor !== null).map(async (g) => {
    const rest = await getAll(`governments/${g.id}/evidence`, {}, signal, g.evidence_next_cursor);
    g.evidence = [...g.evidence, .../** @type {Government["evidence"]} */ (rest)];
    g.evidence_next_cursor = null;
  }));
}

/**
 * An entity the mention list names but the entity list does not have (written in between).
 * @param {number} entityId
 * @param {Mention[]} mentions
 * @returns {ArticleEntity | null}
 */
function entityFromMentions(entityId, mentions) {
  const own = mentions.filter((mention) => mention.entity.id === entityId);
  return own.length === 0 ? null : { ...own[0].entity, aliases: [], mention_count: own.length };
}

/**
 * Who published the article, when, where it came from, and what was found in it.
 * @param {Article} article
 */
function articleMeta(article) {
  const source = safeHttpUrl(article.source_url);
  const parts = [
    article.publisher && `Published by ${article.publisher}`,
    article.published_at && `on ${readableDate(article.published_at)}`,
    `Added ${readableDate(article.created_at)}`,
  ].filter(Boolean).join(" · ");
  const { counts } = article;
  return h("div", { class: "meta" },
    h("p", {}, parts,
      source && [" · ", h("a", { href: source, rel: "noopener noreferrer" }, `Source: ${new URL(source).host}`)],
      !source && article.source_url && ` · Source: ${article.source_url}`),
    h("p", {}, [
      plural(counts.entities, "entity", "entities"), plural(counts.mentions, "mention"),
      plural(counts.quotes, "quote"), plural(counts.governments, "government"),
    ].join(" · ")));
}

/**
 * Select the words at `span` (code points into `text`) in the drawn body and scroll to them:
 * the body's text nodes, in order, hold `text` whole, whatever elements the marks made.
 * @param {HTMLElement} body
 * @param {string} text
 * @param {{start: number, end: number}} span
 */
function selectSpan(body, text, span) {
  const at = codePointIndexer(text);
  const [start, end] = [at(span.start), at(span.end)];
  if (end <= start) return;
  const range = document.createRange();
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
    if (end >= offset && end <= offset + length) { range.setEnd(node, end - offset); break; }
    offset += length;
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  body.classList.add("has-evidence");
  range.startContainer.parentElement?.scrollIntoView({ block: "center" });
}
