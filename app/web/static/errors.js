// Errors as people read them: what happened, what the server said, what to do now.

import { ApiError } from "./api.js";
import { h, plural } from "./dom.js";

/**
 * A heading and advice for an error, by its status.
 * @param {ApiError} error
 * @returns {{heading: string, advice: string}}
 */
export function explain(error) {
  const wait = error.retryAfter !== null ? `Try again in ${plural(error.retryAfter, "second")} (Retry-After).` : "Try again later.";
  switch (error.status) {
    case 0:
      return { heading: "The server could not be reached", advice: "Check that the service is running and that you are online, then try again." };
    case 401:
      return { heading: "The API key was not accepted", advice: "Check the key: writing needs one of the server's API keys." };
    case 404:
      return { heading: "Not found", advice: "It may have been deleted, or the address is wrong." };
    case 413:
      return { heading: "Too large", advice: "An article body may hold at most 1,000,000 characters." };
    case 422:
      return { heading: "Not accepted", advice: "Correct the fields named below and send it again." };
    case 429:
      return { heading: "Too many writes with this key", advice: wait };
    case 503:
      return { heading: "The service is busy", advice: `Every annotator is working and nothing was stored. ${wait}` };
    default:
      return { heading: `${error.status} ${error.title}`, advice: "Try again; if it persists, the server's log says more." };
  }
}

/**
 * An alert that shows `error`, with a button to try again when `retry` is given.
 * @param {unknown} error
 * @param {{retry?: () => void}} [options]
 * @returns {HTMLElement}
 */
export function errorBox(error, { retry } = {}) {
  const apiError = error instanceof ApiError
    ? error
    : new ApiError({ status: -1, title: "Error", detail: String(error) });
  const { heading, advice } = apiError.status === -1
    ? { heading: "Something went wrong on this page", advice: "Reload the page and try again." }
    : explain(apiError);
  return h(
    "div",
    { class: "error", role: "alert", "data-status": apiError.status },
    h("p", { class: "error-heading" }, heading),
    h("p", {}, apiError.detail),
    apiError.errors.length > 0 &&
      h("ul", {}, apiError.errors.map((item) => h("li", {}, `${item.loc.join(".")}: ${item.message}`))),
    h("p", {}, advice),
    retry && h("button", { type: "button", onclick: retry }, "Try again"),
  );
}
