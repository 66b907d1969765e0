// A government's leaders over time (GET /api/v1/governments/{id}/timeline), folded away in
// the side panel and read when first opened: each leader's from and to, and the claims
// that date them, each a link to the article and the words that say so.

import { h, replaceChildren } from "./dom.js";
import { errorBox } from "./errors.js";

/**
 * @typedef {import("./api.js").Government} Government
 * @typedef {import("./api.js").Timeline} Timeline
 * @typedef {import("./api.js").Claim} Claim
 */

const STARTS = { stated: "the text says", published: "first reported", curated: "a curator says" };
const ENDS = {
  stated: "the text says", former: "called former", successor: "the next leader's start",
  curated: "a curator says",
};

/**
 * The address of a claim's evidence: its article, with the span selected.
 * @param {Claim} claim
 * @returns {string | null}
 */
export function evidenceHref(claim) {
  if (claim.article_id === null) return null;
  const span = claim.evidence ? `?span=${claim.evidence.start}-${claim.evidence.end}` : "";
  return `#/articles/${claim.article_id}${span}`;
}

/**
 * "Leaders over time": a <details> that reads the timeline the first time it opens.
 * @param {Government} government
 * @param {(governmentId: number) => Promise<Timeline>} loadTimeline
 */
export function timelineDetails(government, loadTimeline) {
  const body = h("div", { class: "timeline-body" }, h("p", { class: "status", role: "status" }, "Loading…"));
  let loaded = false;
  const load = async () => {
    try {
      replaceChildren(body, renderTimeline(await loadTimeline(government.id)));
    } catch (error) {
      loaded = false;
      replaceChildren(body, errorBox(error, { retry: () => { loaded = true; void load(); } }));
    }
  };
  const details = h("details", { class: "timeline" }, h("summary", {}, "Leaders over time"), body);
  details.addEventListener("toggle", () => {
    if (!details.hasAttribute("open") || loaded) return;
    loaded = true;
    void load();
  });
  return details;
}

/**
 * The terms in order, each with its dates and the evidence behind them.
 * @param {Timeline} timeline
 */
export function renderTimeline(timeline) {
  if (timeline.terms.length === 0) return h("p", {}, "No leader is known.");
  return [
    h("ol", { class: "term-list" }, timeline.terms.map((term) =>
      h("li", { class: "term", "data-term-id": term.id },
        h("p", { class: "term-head" }, h("strong", { class: "term-leader" }, term.leader.name),
          " ", h("span", { class: "term-dates" }, `${day(term.from)} – ${term.current && !term.to ? "now" : day(term.to)}`)),
        h("p", { class: "term-basis" }, [
          term.from_basis && `from: ${STARTS[term.from_basis] ?? term.from_basis}`,
          term.to_basis && `to: ${ENDS[term.to_basis] ?? term.to_basis}`,
        ].filter(Boolean).join("; ")),
        h("ul", { class: "claim-list" }, term.claims.map(claimItem)),
        term.claim_count > term.claims.length &&
          h("p", { class: "hint" }, `${term.claim_count - term.claims.length} more claims in the API.`)))),
    timeline.conflicts.length > 0 && h("p", { class: "conflicts" },
      `${timeline.conflict_count} overlap${timeline.conflict_count === 1 ? "" : "s"}: `,
      timeline.conflicts.map((c, i) => [i > 0 ? "; " : "",
        `${c.sides.map((s) => s.leader.name).join(" and ")} from ${day(c.from)}`])),
  ];
}

/**
 * A day as the API gives it (ISO 8601, no time zone to shift it); "?" when unknown.
 * @param {string | null} iso
 */
function day(iso) {
  return iso ?? "?";
}

/** @param {Claim} claim */
function claimItem(claim) {
  const href = evidenceHref(claim);
  const when = claim.observed_at ?? "undated";
  const words = claim.evidence ? `“${claim.evidence.text}”` : "a curator's claim";
  return h("li", { class: "claim", "data-claim-id": claim.id },
    h("span", { class: "claim-when" }, `${when}${claim.current ? "" : " (ended)"}: `),
    href ? h("a", { href, class: "evidence-link" }, words) : h("span", {}, words));
}
