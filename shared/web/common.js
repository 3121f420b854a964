// Shared by the pages: calls to the API (problem+json errors become ApiError), the messages in
// the reader's language, dates, toasts.
"use strict";

// The pages speak the catalogue's languages: /i18n/{locale}.json is served from the same
// catalogue as the emails and SMS. An element with data-i18n is translated whole; elements in it
// marked data-arg="name" are kept and put where its message says { $name }. An element's
// attributes are translated by data-i18n-attr="aria-label:id;placeholder:id2". The HTML keeps the
// English text, so a page whose catalogue cannot be fetched still reads.
const I18n = {
  supported: ["en", "es", "fr", "de", "pt-BR", "ar"],
  locale: "en",
  messages: {},
  // The supported locale of a BCP 47 tag ("es-MX" → "es", "pt" → "pt-BR"), or null.
  match(tag) {
    if (!tag) return null;
    const exact = this.supported.find((l) => l.toLowerCase() === String(tag).toLowerCase());
    if (exact) return exact;
    const language = String(tag).split(/[-_]/)[0].toLowerCase();
    return this.supported.find((l) => l.split("-")[0].toLowerCase() === language) || null;
  },
  // Loads the first of `wanted` (a tag or a list, e.g. navigator.languages) that is supported.
  async load(wanted) {
    const tags = (Array.isArray(wanted) ? wanted : [wanted]).map((t) => this.match(t)).filter(Boolean);
    const locale = tags[0] || "en";
    if (locale === this.locale && Object.keys(this.messages).length) return;
    try {
      const res = await fetch(`/i18n/${locale}.json`, { credentials: "omit", referrerPolicy: "no-referrer" });
      if (!res.ok) return;
      const catalogue = await res.json();
      this.locale = catalogue.locale;
      this.messages = catalogue.messages;
      document.documentElement.lang = catalogue.locale;
      document.documentElement.dir = catalogue.dir;
      this.apply(document);
    } catch (_) { /* the English in the page stays */ }
  },
  // The locale dates are written in: the page's once its messages are loaded, else the browser's.
  dateLocale() { return Object.keys(this.messages).length ? this.locale : undefined; },
  // The message `id` with its { $name } placeholders filled in from `args` (as text).
  t(id, args = {}, fallback = "") {
    const message = this.messages[id];
    if (message === undefined) return fallback || id;
    return message.replace(/\{ \$([a-z_]+) \}/g, (_, name) => (args[name] === undefined ? "" : String(args[name])));
  },
  // Translates every data-i18n element under `root`, keeping its data-arg children, and the
  // attributes that data-i18n-attr names.
  apply(root) {
    for (const node of root.querySelectorAll("[data-i18n]")) {
      const message = this.messages[node.dataset.i18n];
      if (message === undefined) continue;
      const args = {};
      for (const arg of node.querySelectorAll("[data-arg]")) {
        if (arg.parentElement.closest("[data-i18n]") === node) args[arg.dataset.arg] = arg;
      }
      const parts = message.split(/\{ \$([a-z_]+) \}/);
      const children = parts.map((part, i) => (i % 2 ? args[part] || document.createTextNode("") : document.createTextNode(part)));
      node.replaceChildren(...children);
    }
    for (const node of root.querySelectorAll("[data-i18n-attr]")) {
      for (const pair of node.dataset.i18nAttr.split(";")) {
        const [attribute, id] = pair.split(":").map((s) => s.trim());
        const message = id && this.messages[id];
        if (attribute && message !== undefined && message !== "") node.setAttribute(attribute, message);
      }
    }
  },
};

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = (problem && problem.code) || "http_" + status;
    this.errors = (problem && problem.errors) || [];
    this.problem = problem || {};
  }
}

async function api(method, path, { token, body, accept } = {}) {
  const headers = {};
  if (token) headers.authorization = "Bearer " + token;
  if (body !== undefined) headers["content-type"] = "application/json";
  if (accept) headers.accept = accept;
  let res;
  try {
    res = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit", referrerPolicy: "no-referrer",
    });
  } catch (e) {
    throw new ApiError(0, { code: "network", detail: I18n.t("page-network-error", {}, "The service could not be reached.") });
  }
  const type = res.headers.get("content-type") || "";
  if (!res.ok) {
    const problem = type.includes("json") ? await res.json().catch(() => null) : null;
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return null;
  if (type.includes("application/json")) return res.json();
  return res;
}

// "in 23 hours", "on 1 Dec 2026, 09:00": a time said in the reader's own zone.
function formatTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return d.toLocaleString(I18n.dateLocale(), { dateStyle: "medium", timeStyle: "short" });
}

function relativeTime(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(I18n.dateLocale(), { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400 * 2) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
}

// Shows the one section `id` of a page's `sections` and moves the focus to its heading, so a
// screen reader announces the new state.
function showSection(sections, id) {
  for (const s of sections) document.getElementById(s).hidden = s !== id;
  const heading = document.querySelector(`#${id} h1`);
  if (heading) { heading.tabIndex = -1; heading.focus(); }
}

let toastTimer = null;
function toast(text, kind = "ok") {
  let el = document.getElementById("toast");
  if (!el) {
    el = document.createElement("div");
    el.id = "toast";
    el.setAttribute("role", "status");
    el.setAttribute("aria-live", "polite");
    document.body.appendChild(el);
  }
  el.className = "toast" + (kind === "error" ? " error" : "");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 6000);
}

// Builds an element: el("td", {class: "x"}, "text", child). Text is always text, never HTML.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
