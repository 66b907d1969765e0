// The side panel: the article's entities by type with their mention counts, the
// selected entity (its mentions, its quotes), and the governments the article describes.

import { h, plural, replaceChildren } from "./dom.js";
import { ENTITY_TYPES, typeClass, typeGroupName, typeName } from "./entity-types.js";
import { timelineDetails } from "./timeline-view.js";

/**
 * @typedef {import("./api.js").ArticleEntity} ArticleEntity
 * @typedef {import("./api.js").EntityRef} EntityRef
 * @typedef {import("./api.js").Government} Government
 * @typedef {import("./api.js").Quote} Quote
 * @typedef {import("./api.js").Timeline} Timeline
 */

/**
 * The entities, grouped by type in a fixed order, each a toggle button.
 * @param {ArticleEntity[]} entities
 * @param {(entityId: number) => void} onSelect
 * @returns {{element: HTMLElement, setSelected: (entityId: number | null) => void}}
 */
export function entityList(entities, onSelect) {
  const known = new Set(ENTITY_TYPES.map(([type]) => type));
  const types = [...ENTITY_TYPES.map(([type]) => type), ...new Set(entities.map((e) => e.type).filter((t) => !known.has(t)))];
  /** @type {Map<number, HTMLElement>} */
  const buttons = new Map();
  const groups = types.map((type) => {
    const members = entities.filter((entity) => entity.type === type)
      .sort((a, b) => b.mention_count - a.mention_count || a.name.localeCompare(b.name));
    if (members.length === 0) return null;
    return h("section", { class: "entity-group" },
      h("h3", {}, h("span", { class: `swatch ${typeClass(type)}`, "aria-hidden": "true" }), typeGroupName(type),
        h("span", { class: "group-count" }, ` (${members.length})`)),
      h("ul", { class: "entity-list" }, members.map((entity) => {
        const button = h("button", {
          type: "button", class: `entity ${typeClass(type)}`, "aria-pressed": "false",
          "data-entity-id": entity.id, onclick: () => onSelect(entity.id),
        }, h("span", { class: "entity-name" }, entity.name),
        h("span", { class: "badge" }, entity.mention_count, h("span", { class: "visually-hidden" }, entity.mention_count === 1 ? " mention" : " mentions")));
        buttons.set(entity.id, button);
        return h("li", {}, button);
      })));
  });
  const element = h("section", { class: "panel-section", "aria-labelledby": "entities-heading" },
    h("h2", { id: "entities-heading" }, "Entities"),
    entities.length === 0 ? h("p", {}, "No entities were found in this article.") : groups);
  return {
    element,
    setSelected(entityId) {
      for (const [id, button] of buttons) button.setAttribute("aria-pressed", String(id === entityId));
    },
  };
}

/**
 * What the panel says about the selected entity: how many mentions are highlighted, a way
 * to step through them, and the quotes it is the speaker of.
 * @param {HTMLElement} container
 * @param {ArticleEntity | null} entity
 * @param {{highlighted: number, quotes: Quote[], step: (by: number) => void,
 *   clear: () => void, openQuote: (quoteId: number) => void}} actions
 */
export function showSelectedEntity(container, entity, { highlighted, quotes, step, clear, openQuote }) {
  if (!entity) {
    replaceChildren(container, h("p", { class: "hint" },
      "Choose an entity (below, or a highlighted name in the text) to highlight all its mentions and list its quotes."));
    return;
  }
  replaceChildren(container,
    h("h2", { id: "selected-heading", tabindex: "-1" }, entity.name),
    h("p", {}, `${typeName(entity.type)} · ${plural(highlighted, "mention")} highlighted in the text`),
    entity.aliases.length > 0 && h("p", { class: "aliases" }, `Also called: ${entity.aliases.join(", ")}`),
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "secondary", onclick: () => step(-1), disabled: highlighted === 0 }, "Previous mention"),
      h("button", { type: "button", class: "secondary", onclick: () => step(1), disabled: highlighted === 0 }, "Next mention"),
      h("button", { type: "button", class: "secondary", onclick: clear }, "Clear")),
    h("h3", {}, `Quotes by ${entity.name}`),
    quotes.length === 0
      ? h("p", {}, "None in this article.")
      : h("ol", { class: "quote-list" }, quotes.map((quote) =>
        h("li", {}, h("button", { type: "button", class: "quote-link", onclick: () => openQuote(quote.id) }, `“${quote.text}”`)))));
}

/**
 * The governments, with leaders, seats, legislatures and backers. Entity references this
 * article mentions are buttons that select the entity.
 * @param {Government[]} governments
 * @param {number} articleId  whose evidence is shown
 * @param {Set<number>} mentioned  ids of the entities this article mentions
 * @param {(entityId: number) => void} onSelect
 * @param {(governmentId: number) => Promise<Timeline>} loadTimeline  its leaders over time
 */
export function governmentList(governments, articleId, mentioned, onSelect, loadTimeline) {
  /** @param {EntityRef | null} ref */
  const entity = (ref) => {
    if (!ref) return null;
    return mentioned.has(ref.id)
      ? h("button", { type: "button", class: "entity-ref", onclick: () => onSelect(ref.id) }, ref.name)
      : h("span", {}, ref.name);
  };
  /** @param {string} term @param {unknown} value */
  const fact = (term, value) => value ? [h("dt", {}, term), h("dd", {}, /** @type {Node | string} */ (value))] : [];
  return h("section", { class: "panel-section", "aria-labelledby": "governments-heading" },
    h("h2", { id: "governments-heading" }, "Governments"),
    governments.length === 0
      ? h("p", {}, "This article describes no government.")
      : h("ul", { class: "government-list" }, governments.map((government) =>
        h("li", { class: "government", "data-government-id": government.id },
          h("h3", {}, government.name, government.short_name ? ` (${government.short_name})` : ""),
          h("dl", {},
            fact("Leader", government.leader &&
              h("span", {}, entity(government.leader), government.leader_title ? `, ${government.leader_title}` : "")),
            fact("Seat", entity(government.seat)),
            fact("Legislature", entity(government.legislature)),
            fact("Backed by", government.backed_by.length > 0 &&
              h("span", { class: "refs" }, government.backed_by.flatMap((ref, i) => [i > 0 ? ", " : "", entity(ref)]))),
            fact("Country", [government.country, government.region && `(${government.region})`].filter(Boolean).join(" ")),
          ),
          evidenceIn(government, articleId),
          timelineDetails(government, loadTimeline)))));
}

/**
 * What this article says about a government, folded away.
 * @param {Government} government
 * @param {number} articleId
 */
function evidenceIn(government, articleId) {
  const spans = government.evidence.filter((span) => span.article_id === articleId);
  if (spans.length === 0) return null;
  return h("details", { class: "evidence" },
    h("summary", {}, `What the article says (${spans.length})`),
    h("ul", {}, spans.map((span) => h("li", {}, `“${span.text}”`))));
}
