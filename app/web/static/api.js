// The public JSON API (/api/v1): the only source of what the page shows.

/** @typedef {{start: number, end: number, text: string}} Span */
/** @typedef {{id: number, name: string, type: string}} EntityRef */
/**
 * @typedef {object} ArticleSummary
 * @property {number} id
 * @property {string} title
 * @property {string | null} source_url
 * @property {string | null} publisher
 * @property {string | null} published_at
 * @property {string} language
 * @property {string} created_at
 * @property {{entities: number, mentions: number, quotes: number, governments: number}} counts
 */
/** @typedef {ArticleSummary & {body: string}} Article */
/** @typedef {Span & {id: number, entity: EntityRef, source: string}} Mention */
/** @typedef {EntityRef & {aliases: string[], mention_count: number}} ArticleEntity */
/**
 * @typedef {object} Quote
 * @property {number} id
 * @property {string} text
 * @property {number} start
 * @property {number} end
 * @property {string} kind
 * @property {EntityRef | null} speaker
 * @property {Span | null} speaker_mention
 * @property {Span | null} cue
 * @property {Span[]} fragments
 * @property {string} source
 * @property {number | null} [confidence]
 */
/**
 * @typedef {object} Government
 * @property {number} id
 * @property {string} name
 * @property {string | null} short_name
 * @property {string | null} country
 * @property {EntityRef | null} leader
 * @property {string | null} leader_title
 * @property {EntityRef | null} seat
 * @property {EntityRef | null} legislature
 * @property {EntityRef[]} backed_by
 * @property {string | null} region
 * @property {Array<Span & {article_id: number}>} evidence  the first 100, from every article
 * @property {string | null} evidence_next_cursor
 */
/**
 * @typedef {object} Claim  one fact about a government as one article (or a curator) gives it
 * @property {number} id
 * @property {number | null} article_id
 * @property {string} kind
 * @property {EntityRef | null} entity
 * @property {boolean} current
 * @property {string | null} observed_at
 * @property {Span | null} evidence
 * @property {string} source
 * @property {string} review
 */
/**
 * @typedef {object} Term  one leader's time at the head of a government
 * @property {number} id
 * @property {EntityRef} leader
 * @property {string | null} from
 * @property {"stated" | "published" | "curated" | null} from_basis
 * @property {string | null} to
 * @property {"stated" | "former" | "successor" | "curated" | null} to_basis
 * @property {boolean} current
 * @property {number} claim_count
 * @property {Claim[]} claims
 */
/**
 * @typedef {object} Timeline
 * @property {{id: number, name: string, country: string | null}} government
 * @property {Term[]} terms
 * @property {Array<{from: string, to: string | null, sides: Array<{leader: EntityRef}>}>} conflicts
 * @property {number} conflict_count
 */
/** @template T @typedef {{items: T[], next_cursor: string | null}} Page */

/** The largest page the API gives; lists read whole are read in as few requests as possible. */
export const MAX_LIMIT = 500;

/** Relative to the page, so that the page works under any path prefix. */
const API_ROOT = new URL("api/v1/", document.baseURI);

/** An answer other than success: problem details from the API, or no answer at all. */
export class ApiError extends Error {
  /**
   * @param {object} details
   * @param {number} details.status  HTTP status; 0 when the server could not be reached
   * @param {string} details.title
   * @param {string} details.detail
   * @param {number | null} [details.retryAfter]  seconds, from `Retry-After`
   * @param {Array<{loc: string[], message: string}>} [details.errors]
   */
  constructor({ status, title, detail, retryAfter = null, errors = [] }) {
    super(detail);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
    this.errors = errors;
  }

  /** True when no HTTP answer came (server down, connection refused or cut). */
  get isNetworkError() {
    return this.status === 0;
  }
}

/**
 * The API URL of `path` (relative to /api/v1/) with `params` (null values left out).
 * @param {string} path
 * @param {Record<string, string | number | null | undefined>} [params]
 */
export function apiUrl(path, params = {}) {
  const url = new URL(path, API_ROOT);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, String(value));
  }
  return url;
}

/**
 * Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date).
 * @param {string | null} value
 * @returns {number | null}
 */
export function retryAfterSeconds(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const when = Date.parse(value);
  return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

/**
 * Send a request; the parsed JSON on success, else an ApiError.
 * @param {URL} url
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
async function request(url, init = {}) {
  let response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      title: "The server could not be reached",
      detail: "No answer came: the service may be down, or the connection lost.",
    });
  }
  if (response.ok) return response.json();
  throw await problemFrom(response);
}

/**
 * The ApiError a failed response stands for; its problem details when it sent some.
 * @param {Response} response
 */
async function problemFrom(response) {
  const retryAfter = retryAfterSeconds(response.headers.get("Retry-After"));
  let problem = {};
  if ((response.headers.get("Content-Type") ?? "").includes("json")) {
    try {
      problem = await response.json();
    } catch {
      // A body that is not JSON after all: the status alone says what happened.
    }
  }
  return new ApiError({
    status: response.status,
    title: typeof problem.title === "string" ? problem.title : response.statusText || "Error",
    detail: typeof problem.detail === "string" ? problem.detail : `The server answered ${response.status}.`,
    retryAfter,
    errors: Array.isArray(problem.errors) ? problem.errors : [],
  });
}

/**
 * GET a JSON resource.
 * @param {string} path  relative to /api/v1/
 * @param {Record<string, string | number | null | undefined>} [params]
 * @param {AbortSignal} [signal]
 */
export function getJson(path, params = {}, signal) {
  return request(apiUrl(path, params), { signal });
}

/**
 * Every item of a list, following `next_cursor` until it is null.
 * @template T
 * @param {string} path
 * @param {Record<string, string | number | null | undefined>} [params]
 * @param {AbortSignal} [signal]
 * @param {string | null} [after]  a cursor to start from (a resource's `…_next_cursor`)
 * @returns {Promise<T[]>}
 */
export async function getAll(path, params = {}, signal, after = null) {
  /** @type {T[]} */
  const items = [];
  /** @type {string | null} */
  let cursor = after;
  do {
    /** @type {Page<T>} */
    const page = await getJson(path, { ...params, limit: MAX_LIMIT, cursor }, signal);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return items;
}

/**
 * Store and annotate an article; the stored article (also when it was there before).
 * @param {Record<string, string>} article
 * @param {string} apiKey
 * @param {AbortSignal} [signal]
 * @returns {Promise<Article>}
 */
export function postArticle(article, apiKey, signal) {
  return request(apiUrl("articles"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(article),
    signal,
  });
}
