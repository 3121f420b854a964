// Shared by the pages: calls to the API (problem+json errors become ApiError), dates, toasts.
"use strict";

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
    throw new ApiError(0, { code: "network", detail: "The service could not be reached." });
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
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function relativeTime(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400 * 2) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
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
