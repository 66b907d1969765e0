// Posting an article: the API annotates it before answering, then the article opens.
// The key is kept in this page's memory, or in sessionStorage (this tab only) if asked.

import { ApiError, postArticle } from "./api.js";
import { h, replaceChildren } from "./dom.js";
import { errorBox } from "./errors.js";

const STORAGE_KEY = "annotated-articles.api-key";

/** The key typed last, for this page's life; never written anywhere unless asked. */
let keyInMemory = "";

/** @returns {string} */
function storedKey() {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return ""; // storage refused (privacy settings): memory only
  }
}

/** @param {string | null} key  null forgets it */
function storeKey(key) {
  try {
    if (key === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // memory only
  }
}

/**
 * A labelled field; `hint` becomes its description.
 * @param {string} id
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string} [hint]
 */
function field(id, label, control, hint) {
  control.id = id;
  if (hint) control.setAttribute("aria-describedby", `${id}-hint`);
  return h("div", { class: "field" },
    h("label", { for: id }, label), hint && h("p", { id: `${id}-hint`, class: "field-hint" }, hint), control);
}

/**
 * Show the form in `main`.
 * @param {HTMLElement} main
 * @param {AbortSignal} signal
 * @returns {HTMLElement} the heading to focus
 */
export function showPost(main, signal) {
  document.title = "Post an article · Annotated Articles";
  const remembered = storedKey();
  const heading = h("h1", { tabindex: "-1" }, "Post an article");
  const key = /** @type {HTMLInputElement} */ (h("input", { type: "password", name: "api_key", required: true, autocomplete: "off", spellcheck: "false" }));
  key.value = keyInMemory || remembered;
  const remember = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", id: "remember-key", checked: remembered !== "" }));
  const title = /** @type {HTMLInputElement} */ (h("input", { type: "text", name: "title", required: true, maxlength: 2000 }));
  const body = /** @type {HTMLTextAreaElement} */ (h("textarea", { name: "body", required: true, rows: 14 }));
  const sourceUrl = /** @type {HTMLInputElement} */ (h("input", { type: "url", name: "source_url", maxlength: 2000 }));
  const publisher = /** @type {HTMLInputElement} */ (h("input", { type: "text", name: "publisher", maxlength: 500 }));
  const submit = /** @type {HTMLButtonElement} */ (h("button", { type: "submit" }, "Post and annotate"));
  const status = h("div", { class: "status", role: "status" });
  const problems = h("div", { class: "problems" });
  const form = h("form", { class: "post-form", "aria-labelledby": "post-heading" },
    field("api-key", "API key", key, "Sent as “Authorization: Bearer …” with this post only. Kept in this page’s memory; tick the box to keep it for this tab."),
    h("div", { class: "field checkbox" }, remember, h("label", { for: "remember-key" }, "Remember the key in this tab (session storage)")),
    field("article-title", "Title", title),
    field("article-body", "Text", body, "The body, as published. Only English is annotated."),
    h("details", { class: "optional" }, h("summary", {}, "Source and publisher (optional)"),
      field("article-source", "Source URL", sourceUrl),
      field("article-publisher", "Publisher", publisher)),
    h("div", { class: "button-row" }, submit),
    status, problems);
  heading.id = "post-heading";

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const apiKey = key.value.trim();
    keyInMemory = apiKey;
    storeKey(remember.checked ? apiKey : null);
    /** @type {Record<string, string>} */
    const article = { title: title.value, body: body.value };
    if (sourceUrl.value.trim()) article.source_url = sourceUrl.value.trim();
    if (publisher.value.trim()) article.publisher = publisher.value.trim();
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    key.removeAttribute("aria-invalid");
    replaceChildren(problems);
    replaceChildren(status, "Annotating… the service reads the whole text before it answers.");
    try {
      const stored = await postArticle(article, apiKey, signal);
      window.location.hash = `#/articles/${stored.id}`;
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(status);
      replaceChildren(problems, errorBox(error, { retry: () => form.requestSubmit() }));
      if (error instanceof ApiError && error.status === 401) {
        key.setAttribute("aria-invalid", "true");
        key.focus();
      }
    } finally {
      submit.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
  replaceChildren(main, heading, form);
  return heading;
}
