// The speaker and cue of the quote under the pointer or the keyboard focus, in a tooltip
// that can be hovered, stays while its quote is, and goes with Escape (WCAG 1.4.13).

import { h, replaceChildren } from "./dom.js";
import { typeName } from "./entity-types.js";

/** How long the tip stays after the pointer leaves, so that it can reach the tip. */
const HIDE_DELAY_MS = 300;
const TIP_ID = "quote-tip";

/**
 * What the tip says about a quote.
 * @param {import("./api.js").Quote} quote
 */
export function describeQuote(quote) {
  return [
    h("p", { class: "tip-speaker" }, h("span", { class: "tip-label" }, "Speaker: "),
      quote.speaker
        ? [h("strong", {}, quote.speaker.name), ` (${typeName(quote.speaker.type)})`]
        : "not stated in the text"),
    (quote.speaker_mention || quote.cue) && h("p", {},
      quote.speaker_mention && [h("span", { class: "tip-label" }, "Named as: "), `“${quote.speaker_mention.text}”`],
      quote.speaker_mention && quote.cue && " · ",
      quote.cue && [h("span", { class: "tip-label" }, "Cue: "), `“${quote.cue.text}”`]),
    h("p", { class: "tip-meta" },
      quote.kind === "direct" ? "Direct quotation" : "Partial quotation",
      quote.fragments.length > 1 ? ` in ${quote.fragments.length} parts` : "",
      ` · ${quote.source}`,
      typeof quote.confidence === "number" ? ` · confidence ${quote.confidence.toFixed(2)}` : ""),
  ];
}

/**
 * Show the tip for the quotes drawn in `container`.
 * @param {HTMLElement} container  the article body
 * @param {import("./body-view.js").BodyIndex} index
 * @param {HTMLElement} host  where the tip element lives (inside the page's landmarks)
 * @param {AbortSignal} signal  ends the page-wide Escape listener when the article closes
 * @returns {{tip: HTMLElement, show: (quoteId: number | null) => void}}
 */
export function attachQuoteTip(container, index, host, signal) {
  const tip = h("div", { id: TIP_ID, class: "quote-tip", role: "tooltip", hidden: true });
  host.append(tip);
  /** @type {number | null} */ let hovered = null;
  /** @type {number | null} */ let focused = null;
  /** @type {number | null} */ let shown = null;
  /** @type {HTMLElement | null} */ let hoverAnchor = null;
  let dismissed = false;
  /** @type {number | undefined} */ let hideTimer;

  /** @param {EventTarget | null} target */
  const quoteIdOf = (target) => {
    const quote = target instanceof Element ? target.closest(".quote") : null;
    return quote instanceof HTMLElement && container.contains(quote) ? Number(quote.dataset.quoteId) : null;
  };

  const update = () => {
    const active = dismissed ? null : hovered ?? focused;
    if (active === shown) return;
    for (const element of index.partsByQuote.get(shown ?? -1) ?? []) element.classList.remove("active");
    index.quoteTargets.get(shown ?? -1)?.removeAttribute("aria-describedby");
    shown = active;
    const quote = active === null ? undefined : index.quotes.get(active);
    if (!quote) {
      tip.hidden = true;
      return;
    }
    for (const element of index.partsByQuote.get(quote.id) ?? []) element.classList.add("active");
    const target = index.quoteTargets.get(quote.id);
    target?.setAttribute("aria-describedby", TIP_ID);
    replaceChildren(tip, describeQuote(quote));
    tip.hidden = false;
    const anchor = hovered === quote.id && hoverAnchor ? hoverAnchor : target;
    if (anchor) place(tip, anchor, container);
  };

  container.addEventListener("mouseover", (event) => {
    const id = quoteIdOf(event.target);
    if (id === null) return;
    window.clearTimeout(hideTimer);
    if (id !== hovered) {
      hoverAnchor = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest(".quote"));
      hovered = id;
      dismissed = false;
      update();
    }
  });
  const leave = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(() => { hovered = null; update(); }, HIDE_DELAY_MS);
  };
  container.addEventListener("mouseout", (event) => {
    if (quoteIdOf(event.relatedTarget) !== hovered) leave();
  });
  tip.addEventListener("mouseenter", () => window.clearTimeout(hideTimer));
  tip.addEventListener("mouseleave", leave);
  container.addEventListener("focusin", (event) => {
    focused = quoteIdOf(event.target);
    dismissed = false;
    update();
  });
  container.addEventListener("focusout", (event) => {
    if (quoteIdOf(event.relatedTarget) === null) { focused = null; update(); }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shown !== null) { dismissed = true; update(); }
  }, { signal });
  return {
    tip,
    show(quoteId) { focused = quoteId; dismissed = false; update(); },
  };
}

/**
 * Put the tip above `anchor`'s first line, or below its last when there is no room above;
 * within the text's column when it fits (so it hides no panel), else within the viewport.
 * @param {HTMLElement} tip
 * @param {HTMLElement} anchor
 * @param {HTMLElement} column  the article body
 */
function place(tip, anchor, column) {
  const lines = anchor.getClientRects();
  if (lines.length === 0) return;
  const first = lines[0];
  const last = lines[lines.length - 1];
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const gap = 6;
  const bounds = column.getBoundingClientRect();
  const right = Math.min(bounds.right, document.documentElement.clientWidth - 8);
  const left = Math.max(8, Math.min(first.left, right - width));
  const top = first.top - height - gap >= 0 ? first.top - height - gap : last.bottom + gap;
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${top + window.scrollY}px`;
}
