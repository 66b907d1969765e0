// The reader page: three views chosen by the address's fragment.
//
//   #/  or  #/?q=words&limit=N   the articles, searched and paged
//   #/articles/ID                one article with its annotations
//   #/articles/ID?span=S-E       the same, with the words S to E selected (a claim's evidence)
//   #/new                        the form that posts an article
//
// Any other fragment (the skip link's "#main") is left to the browser.

import { showArticle } from "./article-view.js";
import { h, replaceChildren } from "./dom.js";
import { errorBox } from "./errors.js";
import { showList } from "./list-view.js";
import { showPost } from "./post-view.js";

/**
 * @typedef {{view: "list", params: URLSearchParams}
 *   | {view: "article", id: number, span: {start: number, end: number} | null} | {view: "post"}
 *   | {view: "unknown"}} Route
 */

/**
 * The view a fragment names; null for a fragment that is no route.
 * @param {string} hash
 * @returns {Route | null}
 */
export function parseRoute(hash) {
  if (hash === "" || hash === "#") return { view: "list", params: new URLSearchParams() };
  if (!hash.startsWith("#/")) return null;
  const [path, query = ""] = hash.slice(1).split("?", 2);
  if (path === "/") return { view: "list", params: new URLSearchParams(query) };
  if (path === "/new") return { view: "post" };
  const article = /^\/articles\/(\d{1,18})$/.exec(path);
  if (article) {
    const span = /^(\d{1,12})-(\d{1,12})$/.exec(new URLSearchParams(query).get("span") ?? "");
    return { view: "article", id: Number(article[1]), span: span ? { start: Number(span[1]), end: Number(span[2]) } : null };
  }
  return { view: "unknown" };
}

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
/** @type {AbortController | null} */
let current = null;
let firstView = true;

async function route() {
  const next = parseRoute(window.location.hash) ?? (firstView ? parseRoute("") : null);
  if (!next) return;
  current?.abort();
  const controller = new AbortController();
  current = controller;
  for (const link of document.querySelectorAll("nav a[data-route]")) {
    if (link.getAttribute("data-route") === next.view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  /** @type {HTMLElement | null} */
  let heading = null;
  try {
    if (next.view === "list") heading = await showList(main, next.params, controller.signal);
    else if (next.view === "article") heading = await showArticle(main, next.id, controller.signal, next.span);
    else if (next.view === "post") heading = showPost(main, controller.signal);
    else heading = showUnknown();
  } catch (error) {
    if (controller.signal.aborted) return;
    heading = h("h1", { tabindex: "-1" }, "This page failed");
    replaceChildren(main, heading, errorBox(error, { retry: () => void route() }));
  }
  // After a change of view, the keyboard starts at its heading, as after a page load.
  if (!firstView && !controller.signal.aborted) heading?.focus();
  firstView = false;
}

/** A fragment that names no view. */
function showUnknown() {
  document.title = "No such page · Annotated Articles";
  const heading = h("h1", { tabindex: "-1" }, "No such page");
  replaceChildren(main, heading, h("p", {}, "This address names no view of the reader. ",
    h("a", { href: "#/" }, "See the articles"), "."));
  return heading;
}

window.addEventListener("hashchange", () => void route());
void route();
