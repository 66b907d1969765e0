// The articles in the API's order (by id), with search (`q`) and paging (`next_cursor`,
// one "More articles" button away).

import { getJson } from "./api.js";
import { h, plural, readableDate, replaceChildren } from "./dom.js";
import { errorBox } from "./errors.js";

/** Articles a page shows at first and adds with each "More articles". */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Show the list in `main`.
 * @param {HTMLElement} main
 * @param {URLSearchParams} params  `q` (words to find), `limit` (page size)
 * @param {AbortSignal} signal
 * @returns {Promise<HTMLElement>} the heading to focus
 */
export async function showList(main, params, signal) {
  const q = params.get("q")?.trim() ?? "";
  const limit = Math.min(Math.max(Number(params.get("limit")) || DEFAULT_PAGE_SIZE, 1), 500);
  document.title = q ? `“${q}” · Annotated Articles` : "Articles · Annotated Articles";
  const heading = h("h1", { tabindex: "-1" }, q ? `Articles matching “${q}”` : "Articles");
  const input = h("input", { id: "search-words", type: "search", name: "q", value: q, maxlength: 500, autocomplete: "off" });
  const form = h("form", { class: "search", role: "search", "aria-label": "Articles" },
    h("label", { for: "search-words" }, "Words in the title or text"),
    h("div", { class: "field-row" }, input, h("button", { type: "submit" }, "Search")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = /** @type {HTMLInputElement} */ (input).value.trim();
    const next = new URLSearchParams();
    if (words) next.set("q", words);
    if (params.has("limit")) next.set("limit", String(limit));
    const query = next.toString();
    window.location.hash = query ? `#/?${query}` : "#/";
  });
  const status = h("p", { class: "status", role: "status" }, "Loading…");
  const list = h("ol", { class: "article-list" });
  const more = h("div", { class: "more" });
  replaceChildren(main, heading, form, status, list, more);

  /** @param {string | null} cursor */
  const load = async (cursor) => {
    replaceChildren(more);
    /** @type {import("./api.js").Page<import("./api.js").ArticleSummary>} */
    let page;
    try {
      page = await getJson("articles", { q: q || null, limit, cursor }, signal);
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(status);
      replaceChildren(more, errorBox(error, { retry: () => void load(cursor) }));
      return;
    }
    const items = page.items.map(articleItem);
    list.append(...items);
    const shown = list.children.length;
    replaceChildren(status, shown === 0
      ? (q ? `No article matches “${q}”.` : "No articles yet.")
      : `${plural(shown, "article")} shown${page.next_cursor ? "; there are more" : ""}.`);
    if (page.next_cursor) {
      const cursorAfter = page.next_cursor;
      replaceChildren(more, h("button", { type: "button", onclick: async () => {
        await load(cursorAfter);
        items.length && focusFirstLink(list.children[shown]);
      } }, "More articles"));
    }
  };
  await load(null);
  return heading;
}

/** @param {Element | undefined} item  move the keyboard to the first link of a new item */
function focusFirstLink(item) {
  item?.querySelector("a")?.focus();
}

/**
 * One article in the list: its title as a link, and what was found in it.
 * @param {import("./api.js").ArticleSummary} article
 */
function articleItem(article) {
  const { counts } = article;
  return h("li", { class: "article-item", "data-article-id": article.id },
    h("a", { href: `#/articles/${article.id}` }, article.title),
    h("p", { class: "meta" }, [
      article.publisher, readableDate(article.published_at ?? article.created_at),
      plural(counts.entities, "entity", "entities"), plural(counts.quotes, "quote"),
      plural(counts.governments, "government"),
    ].filter(Boolean).join(" · ")));
}
