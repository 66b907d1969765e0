// The entity types the API uses (spaCy's OntoNotes labels for named things), as people say them.

/** @type {Array<[string, string, string]>} type, heading for a group, one of them */
export const ENTITY_TYPES = [
  ["PERSON", "People", "person"],
  ["ORG", "Organizations", "organization"],
  ["GPE", "Countries, cities and states", "country, city or state"],
  ["NORP", "Nationalities, religious and political groups", "group"],
  ["LOC", "Other places", "place"],
  ["FAC", "Buildings and facilities", "facility"],
  ["EVENT", "Events", "event"],
  ["LAW", "Laws", "law"],
  ["PRODUCT", "Products", "product"],
  ["WORK_OF_ART", "Works of art", "work of art"],
  ["LANGUAGE", "Languages", "language"],
];

const BY_TYPE = new Map(ENTITY_TYPES.map(([type, group, one]) => [type, { group, one }]));

/**
 * What one entity of `type` is called ("person"); the label itself for a type not known here.
 * @param {string} type
 */
export function typeName(type) {
  return BY_TYPE.get(type)?.one ?? type;
}

/**
 * The heading of a group of entities of `type` ("People").
 * @param {string} type
 */
export function typeGroupName(type) {
  return BY_TYPE.get(type)?.group ?? type;
}

/**
 * The CSS class that colours a type; only letters and underscores reach the class name.
 * @param {string} type
 */
export function typeClass(type) {
  return `type-${type.replace(/[^A-Za-z_]/g, "")}`;
}
