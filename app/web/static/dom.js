// Building DOM nodes. Strings always become text nodes: nothing here parses HTML.

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 */

/**
 * An element with attributes, event listeners (`on<event>` keys) and children.
 * `null`, `undefined` and `false` attributes and children are left out.
 * @param {string} tag
 * @param {Record<string, unknown>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

/**
 * Replace everything inside `parent` with `children`.
 * @param {Element} parent
 * @param {...(Child | Child[])} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren(
    ...children.flat().filter((c) => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === "number" ? String(c) : /** @type {Node | string} */ (c))),
  );
}

/**
 * A URL safe to link to: http(s) only, so that no `javascript:` URL from an article
 * ever becomes a link.
 * @param {string | null} value
 * @returns {string | null}
 */
export function safeHttpUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A date as people read it, in their locale; the ISO text if it does not parse.
 * @param {string | null} iso
 * @returns {string}
 */
export function readableDate(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/**
 * "1 quote", "3 quotes".
 * @param {number} count
 * @param {string} one
 * @param {string} [many]
 */
export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
