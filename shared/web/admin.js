// The admin console: sign in, counts, the member list (tabs, filters, search as you type,
// paging), each row's actions, the selection and its bulk actions, and the CSV export. The
// dialogs that read or write a member (invite, edit, details, reinvite) are admin-members.js;
// settings, the audit trail and a member's history are admin-trail.js. Every value from the API
// is put on the page as text (never as HTML). Every text of the console's own is a `console-`
// message of the catalogue (shared/locales/), in the browser's language: I18n.t() here, data-i18n
// in admin.html.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const PAGE = 20;
  const SESSION_KEY = "invitations.session";
  const state = {
    token: null, memberships: [], tenant: null, tenantInfo: null, role: null,
    tab: "all", q: "", status: "", roleFilter: "", cursors: [null], page: 0, next: null,
    items: [], selected: new Set(),
  };
  const M = () => window.ConsoleMembers;
  const t = (id, args, fallback) => I18n.t(id, args, fallback);

  // A text that says a count: the catalogue has it once per plural category of CLDR (the pages
  // get each message as text, without Fluent's selection), as `prefix` + zero, one, two, few,
  // many or other; the browser's plural rules for the locale pick one.
  function plural(prefix, count, args = {}) {
    let category = "other";
    try { category = new Intl.PluralRules(I18n.locale).select(count); } catch (_) { /* other */ }
    return t(prefix + category, { ...args, count });
  }

  // ---- session ------------------------------------------------------------------------------
  function saveSession(s) { sessionStorage.setItem(SESSION_KEY, JSON.stringify(s)); }
  function loadSession() {
    try {
      const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
      if (s && new Date(s.expires_at) > new Date()) return s;
    } catch (_) { /* a damaged entry is a signed-out session */ }
    return null;
  }
  function signOut() { sessionStorage.removeItem(SESSION_KEY); location.reload(); }

  async function call(method, path, body) {
    try {
      return await api(method, path, { token: state.token, body });
    } catch (e) {
      if (e.code === "unauthenticated") { signOut(); }
      throw e;
    }
  }
  const tenantPath = (rest = "") => `/v1/tenants/${state.tenant}${rest}`;
  const userPath = (m, verb = "") => tenantPath(`/users/${m.id}${verb}`);

  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = $("signin-error");
    box.hidden = true;
    const f = event.target;
    try {
      const s = await api("POST", "/v1/sessions", { body: { email: f.email.value.trim(), password: f.password.value } });
      saveSession(s);
      start(s);
    } catch (e) {
      box.textContent = e.code === "invalid_credentials" ? t("console-signin-wrong") :
        e.code === "too_many_attempts" ? t("console-signin-too-many") : e.message;
      box.hidden = false;
    }
  });
  $("signout").addEventListener("click", signOut);

  function start(session) {
    state.token = session.token;
    state.memberships = (session.memberships || []).filter((m) => m.status === "active" && ["admin", "manager"].includes(m.role));
    if (!state.memberships.length) {
      $("signin").hidden = false;
      $("signin-error").textContent = t("console-signin-no-tenant");
      $("signin-error").hidden = false;
      sessionStorage.removeItem(SESSION_KEY);
      return;
    }
    const select = $("tenant-select");
    select.replaceChildren(...state.memberships.map((m) => el("option", { value: m.tenant_id }, m.tenant_name)));
    select.hidden = state.memberships.length < 2;
    select.onchange = () => openTenant(select.value);
    $("signin").hidden = true;
    $("console").hidden = false;
    openTenant(state.memberships[0].tenant_id);
  }

  async function openTenant(id) {
    state.tenant = id;
    const m = state.memberships.find((x) => x.tenant_id === id);
    state.role = m.role;
    $("tenant-name").textContent = m.tenant_name;
    $("me").textContent = t(m.role === "admin" ? "console-me-admin" : "console-me-manager");
    // Settings, the audit trail and the export are the admins'.
    for (const id of ["open-settings", "open-audit", "open-suppressions", "export-csv"]) $(id).hidden = m.role !== "admin";
    notice(null);
    try {
      state.tenantInfo = await call("GET", tenantPath());
    } catch (e) { toast(e.message, "error"); }
    refresh(true);
  }

  // A notice that stays on the page until dismissed (what a toast would say too briefly).
  function notice(text, kind = "ok") {
    const box = $("standing-notice");
    if (!text) { box.replaceChildren(); return; }
    box.replaceChildren(el("div", { class: `notice ${kind} dismissable` },
      el("span", { id: "standing-notice-text" }, text),
      el("button", { type: "button", class: "secondary small", onclick: () => notice(null) }, t("console-dismiss"))));
  }

  // ---- counts and list ------------------------------------------------------------------------
  async function refresh(fromStart) {
    if (fromStart) { state.cursors = [null]; state.page = 0; state.selected.clear(); }
    await Promise.all([loadStats(), loadPage()]);
  }

  async function loadStats() {
    try {
      const s = await call("GET", tenantPath("/stats"));
      for (const k of ["active", "invited", "admins", "standard"]) $("stat-" + k).textContent = s[k];
    } catch (e) { toast(e.message, "error"); }
  }

  let listSeq = 0;
  async function loadPage() {
    const seq = ++listSeq;
    // "Renewal requests" is the pending members who asked for a new invitation.
    const params = new URLSearchParams({ tab: state.tab === "renewal" ? "all" : state.tab, limit: String(PAGE) });
    if (state.tab === "renewal") params.set("renewal", "requested");
    if (state.q) params.set("q", state.q);
    if (state.status) params.set("status", state.status);
    if (state.roleFilter) params.set("role", state.roleFilter);
    const cursor = state.cursors[state.page];
    if (cursor) params.set("cursor", cursor);
    let page;
    $("users").setAttribute("aria-busy", "true");
    try {
      page = await call("GET", tenantPath("/users?" + params));
    } catch (e) {
      if (seq === listSeq) $("users").setAttribute("aria-busy", "false");
      toast(e.message, "error");
      return;
    }
    if (seq !== listSeq) return; // a later keystroke's answer wins
    state.next = page.next_cursor;
    renderRows(page.items);
    // What the rows show (the search it answers), for whoever waits for it.
    $("users").dataset.query = state.q;
    $("users").setAttribute("aria-busy", "false");
    $("prev").disabled = state.page === 0;
    $("next").disabled = !state.next;
    $("current-page").textContent = t("console-page", { number: state.page + 1 });
  }

  function turn(to) {
    state.page = to;
    state.selected.clear();
    loadPage();
  }
  $("next").addEventListener("click", () => {
    if (!state.next) return;
    state.cursors[state.page + 1] = state.next;
    turn(state.page + 1);
  });
  $("prev").addEventListener("click", () => { if (state.page > 0) turn(state.page - 1); });

  // Roles, highest first; a role, a status, a channel or a delivery state by its name in the
  // catalogue (console-role-admin, console-status-invited, …), or as the API spells it.
  const ROLES = ["admin", "manager", "team_leader", "agent", "user"];
  const roleName = (r) => t("console-role-" + r, {}, r);
  const statusName = (s) => t("console-status-" + s, {}, s);
  const channelName = (c) => t("console-channel-" + c, {}, c);
  const deliveryName = (d) => t("console-delivery-" + d, {}, d);
  const TAB_STATUSES = { all: ["scheduled", "invited", "expired", "active"], inactive: ["deactivated", "cancelled"], renewal: ["invited", "expired"] };
  function fillStatusFilter() {
    const statuses = TAB_STATUSES[state.tab];
    if (!statuses.includes(state.status)) state.status = "";
    $("filter-status").replaceChildren(el("option", { value: "" }, t("console-any-status")),
      ...statuses.map((s) => el("option", { value: s, selected: s === state.status }, statusName(s))));
  }
  function fillRoleFilter() {
    $("filter-role").replaceChildren(el("option", { value: "" }, t("console-any-role")),
      ...ROLES.map((value) => el("option", { value }, roleName(value))));
  }
  $("filter-status").addEventListener("change", (e) => { state.status = e.target.value; refresh(true); });
  $("filter-role").addEventListener("change", (e) => { state.roleFilter = e.target.value; refresh(true); });

  const TABS = ["all", "inactive", "renewal"];
  for (const tab of TABS) {
    $("tab-" + tab).addEventListener("click", () => {
      state.tab = tab;
      for (const t of TABS) $("tab-" + t).setAttribute("aria-selected", String(t === tab));
      fillStatusFilter();
      refresh(true);
    });
  }

  let searchTimer = null;
  $("search").addEventListener("input", (event) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.q = event.target.value.trim();
      state.cursors = [null]; state.page = 0; state.selected.clear();
      loadPage();
    }, 200);
  });

  function displayName(m) {
    const name = `${m.first_name || ""} ${m.last_name || ""}`.trim();
    return name || m.email || m.phone || t("console-no-name");
  }

  function renderRows(items) {
    state.items = items;
    for (const id of [...state.selected]) if (!items.some((m) => m.id === id)) state.selected.delete(id);
    const body = $("rows");
    if (!items.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 5, class: "empty" }, t(state.q ? "console-no-match" : "console-empty"))));
      renderSelection();
      return;
    }
    body.replaceChildren(...items.map((m) => {
      const contact = [m.email, m.phone].filter(Boolean).join(" · ");
      let note = "";
      if (m.status === "scheduled" && m.send_at) note = t("console-row-sends", { time: formatTime(m.send_at) });
      else if (m.status === "invited" && m.invite_expires_at) note = t("console-row-link-expires", { time: relativeTime(m.invite_expires_at) });
      else if (m.status === "active" && m.last_login_at) note = t("console-row-last-sign-in", { time: formatTime(m.last_login_at) });
      const pick = el("input", {
        type: "checkbox", class: "pick", "aria-label": t("console-select-member", { name: displayName(m) }), checked: state.selected.has(m.id),
        onchange: (e) => { if (e.target.checked) state.selected.add(m.id); else state.selected.delete(m.id); renderSelection(); },
      });
      return el("tr", { "data-user": m.id, "data-email": m.email || "", "data-phone": m.phone || "" },
        el("td", { class: "select" }, pick),
        el("td", {},
          el("button", { type: "button", class: "linklike", title: t("console-show-details"), onclick: () => M().details(m) }, displayName(m)),
          el("span", { class: "sub" }, contact)),
        el("td", { class: "hide-narrow" }, roleName(m.role),
          (m.agent_ids || []).length ? el("span", { class: "sub" }, m.agent_ids.join(", ")) : null,
          (m.teams || []).length ? el("span", { class: "sub" }, m.teams.join(", ")) : null),
        el("td", {}, el("span", { class: "badge " + m.status, "data-status": m.status }, t("console-badge-" + m.status, {}, m.status)),
          m.renewal_requested_at ? el("span", { class: "badge renewal", title: t("console-renewal-asked", { time: formatTime(m.renewal_requested_at) }) },
            t("console-badge-renewal")) : null,
          note ? el("span", { class: "sub" }, note) : null,
          deliveryNote(m)),
        el("td", {}, el("div", { class: "row-actions" }, actionsFor(m))));
    }));
    renderSelection();
  }

  // Where each channel's invitation is: queued, sent, delivered, or why not (on hover, and
  // for screen readers in the text itself).
  function deliveryParts(m) {
    return Object.keys(m.delivery || {}).map((c) => {
      const state = m.delivery[c];
      const why = (m.delivery_errors || {})[c];
      const args = { channel: channelName(c), state: deliveryName(state), why };
      const text = t(why ? "console-delivery-why" : "console-delivery", args);
      return el("span", { class: "delivery-" + state, "data-channel": c, "data-delivery": state, title: why || "" }, text);
    });
  }
  function deliveryNote(m) {
    const parts = deliveryParts(m);
    if (!parts.length || !["scheduled", "invited", "expired"].includes(m.status)) return null;
    return el("span", { class: "sub delivery" }, ...parts.flatMap((part, i) => (i ? [" · ", part] : [part])));
  }

  // After an invitation is queued: says so at once, then what became of it (the outbox sends
  // within a second or two; a bounce or a complaint may follow later, in the row).
  async function followDelivery(m, sent) {
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, i < 5 ? 300 : 1000));
      let now;
      try { now = await call("GET", userPath(m)); } catch { return; }
      const states = Object.entries(now.delivery || {});
      if (states.some(([, d]) => d === "pending")) continue;
      const bad = states.filter(([, d]) => !["sent", "delivered"].includes(d));
      if (bad.length) {
        const why = bad.map(([c, d]) => {
          const error = (now.delivery_errors || {})[c];
          return t(error ? "console-not-sent-why" : "console-not-sent-state", { channel: channelName(c), state: deliveryName(d), why: error });
        }).join("; ");
        toast(t("console-not-sent", { name: displayName(now), why }), "error");
      } else {
        toast(sent);
      }
      await refresh(false);
      return;
    }
  }

  // ---- row actions ----------------------------------------------------------------------------
  const PENDING = ["scheduled", "invited", "expired"];
  function actionsFor(m) {
    const b = (id, fn, cls = "secondary") => el("button", {
      class: `${cls} small`, type: "button", "aria-label": t("console-action-for", { action: t(id), name: displayName(m) }), onclick: () => fn(m),
    }, t(id));
    const pending = PENDING.includes(m.status);
    const out = [];
    if (pending) out.push(b(m.status === "scheduled" ? "console-send-now" : "console-reinvite", (x) => M().reinvite(x)));
    if (m.status === "invited") out.push(b("console-copy-link", copyLink), b("console-qr-code", showQr), b("console-print", printInvite));
    out.push(b("console-history", (x) => window.ConsoleTrail.history(x)));
    if (["invited", "active"].includes(m.status) && m.email) out.push(b("console-access-code", accessCode));
    if (pending) out.push(b("console-cancel-invite", cancel, "danger"));
    if (m.status === "active") out.push(b("console-deactivate", deactivate, "danger"));
    if (m.status === "deactivated") out.push(b("console-reactivate", reactivate));
    if (m.status !== "cancelled") out.push(b("console-edit", (x) => M().edit(x)));
    return out;
  }

  async function act(fn, done) {
    try {
      const r = await fn();
      toast(done(r));
      await refresh(false);
    } catch (e) {
      toast(e.message, "error");
    }
  }
  function cancel(m) {
    if (!confirm(t("console-cancel-confirm", { name: displayName(m) }))) return;
    act(() => call("POST", userPath(m, "/deactivate")), () => t("console-cancelled", { name: displayName(m) }));
  }
  function deactivate(m) {
    if (!confirm(t("console-deactivate-confirm", { name: displayName(m) }))) return;
    act(() => call("POST", userPath(m, "/deactivate")), () => t("console-deactivated", { name: displayName(m) }));
  }
  function reactivate(m) {
    act(() => call("POST", userPath(m, "/reactivate")), () => t("console-reactivated", { name: displayName(m) }));
  }

  function showDialog(title, ...content) {
    $("show-title").textContent = title;
    $("show-body").replaceChildren(...content);
    $("show-dialog").showModal();
  }
  $("show-close").addEventListener("click", () => $("show-dialog").close());
  $("show-dialog").addEventListener("close", () => {
    const img = $("show-body").querySelector("img");
    if (img) URL.revokeObjectURL(img.src);
  });

  async function copyLink(m) {
    try {
      const r = await call("POST", userPath(m, "/invitation-link"), { format: "url" });
      const input = el("input", { readonly: true, value: r.url, "aria-label": t("console-link-label"), id: "link-value" });
      showDialog(t("console-link-title", { name: displayName(m) }),
        el("p", {}, t("console-link-note", { time: formatTime(r.expires_at), name: displayName(m) })), input);
      input.select();
      try { await navigator.clipboard.writeText(r.url); toast(t("console-link-copied")); } catch (_) { /* shown in the dialog */ }
    } catch (e) { toast(e.message, "error"); }
  }
  async function fetchBlob(m, format) {
    const res = await api("POST", userPath(m, "/invitation-link"), { token: state.token, body: { format } });
    return res.blob();
  }
  async function showQr(m) {
    try {
      const url = URL.createObjectURL(await fetchBlob(m, "qr_png"));
      showDialog(t("console-qr-title", { name: displayName(m) }), el("div", { class: "qr-box" },
        el("img", { src: url, alt: t("console-qr-alt", { name: displayName(m) }) }),
        el("p", { class: "muted" }, t("console-qr-note"))));
    } catch (e) { toast(e.message, "error"); }
  }
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  async function printInvite(m) {
    try {
      download(await fetchBlob(m, "print"), `invitation-${displayName(m).replace(/[^\w.-]+/g, "-")}.html`);
      toast(t("console-print-downloaded", { name: displayName(m) }));
    } catch (e) { toast(e.message, "error"); }
  }
  async function accessCode(m) {
    try {
      const r = await call("POST", userPath(m, "/access-code"));
      showDialog(t("console-code-title", { name: displayName(m) }),
        el("p", { class: "code", id: "access-code" }, r.code),
        el("p", {}, t("console-code-note", { time: formatTime(r.expires_at) })));
    } catch (e) { toast(e.message, "error"); }
  }

  // ---- export ---------------------------------------------------------------------------------
  $("export-csv").addEventListener("click", async () => {
    try {
      const res = await api("GET", tenantPath("/users/export.csv"), { token: state.token, accept: "text/csv" });
      download(await res.blob(), "users.csv");
      toast(t("console-exported", { file: "users.csv" }));
    } catch (e) {
      if (e.code === "unauthenticated") signOut();
      toast(e.message, "error");
    }
  });

  // ---- selection and bulk actions -------------------------------------------------------------
  function renderSelection() {
    const n = state.selected.size;
    $("bulk-bar").hidden = n === 0;
    $("bulk-count").textContent = plural("console-selected-", n);
    const all = $("select-all");
    all.checked = n > 0 && n === state.items.length;
    all.indeterminate = n > 0 && n < state.items.length;
    all.disabled = !state.items.length;
  }
  $("select-all").addEventListener("change", (e) => {
    state.selected = new Set(e.target.checked ? state.items.map((m) => m.id) : []);
    for (const box of document.querySelectorAll("#rows input.pick")) box.checked = e.target.checked;
    renderSelection();
  });
  $("bulk-clear").addEventListener("click", () => {
    state.selected.clear();
    for (const box of document.querySelectorAll("#rows input.pick")) box.checked = false;
    renderSelection();
    $("select-all").focus();
  });

  // What each bulk action fits, and why a member it does not fit is skipped (a message each).
  const BULK = {
    reinvite: {
      fits: (m) => PENDING.includes(m.status),
      skip: { active: "console-skip-already-active", deactivated: "console-skip-deactivated", cancelled: "console-skip-cancelled" },
      done: "console-bulk-reinvited-",
      // The channels each was last sent on (none: a fresh link, nothing sent).
      run: (m) => call("POST", userPath(m, "/reinvite"), { channels: Object.keys(m.delivery || {}) }),
    },
    cancel: {
      fits: (m) => PENDING.includes(m.status),
      skip: { active: "console-skip-already-active", deactivated: "console-skip-deactivated", cancelled: "console-skip-already-cancelled" },
      done: "console-bulk-cancelled-",
      confirm: (n) => plural("console-bulk-cancel-confirm-", n),
      run: (m) => call("POST", userPath(m, "/deactivate")),
    },
    deactivate: {
      fits: (m) => m.status === "active",
      skip: {
        scheduled: "console-skip-not-joined", invited: "console-skip-not-joined", expired: "console-skip-not-joined",
        deactivated: "console-skip-already-deactivated", cancelled: "console-skip-cancelled",
      },
      done: "console-bulk-deactivated-",
      confirm: (n) => plural("console-bulk-deactivate-confirm-", n),
      run: (m) => call("POST", userPath(m, "/deactivate")),
    },
  };
  // The reasons for skipping: the reason alone when there is one, else each with its count.
  const count = (reasons) => {
    const byReason = {};
    for (const r of reasons) byReason[r] = (byReason[r] || 0) + 1;
    const entries = Object.entries(byReason);
    return entries.length === 1 ? t(entries[0][0])
      : entries.map(([r, n]) => t("console-skip-count", { count: n, reason: t(r) })).join(", ");
  };

  async function bulk(kind) {
    const action = BULK[kind];
    const chosen = state.items.filter((m) => state.selected.has(m.id));
    const fit = chosen.filter(action.fits);
    const skipped = chosen.filter((m) => !action.fits(m)).map((m) => action.skip[m.status] || "console-badge-" + m.status);
    const skipText = skipped.length ? plural("console-bulk-skipped-", skipped.length, { reasons: count(skipped) }) : "";
    if (!fit.length) { toast(t("console-bulk-nothing", { skipped: skipText }), "error"); return; }
    if (action.confirm && !confirm(action.confirm(fit.length))) return;
    const buttons = document.querySelectorAll("#bulk-bar button");
    for (const b of buttons) b.disabled = true;
    const failures = [];
    let ok = 0;
    let linkOnly = 0;
    for (const m of fit) {
      try {
        const r = await action.run(m);
        ok += 1;
        if (kind === "reinvite" && !Object.keys(r.delivery || {}).length) linkOnly += 1;
      } catch (e) { failures.push(t("console-bulk-failure", { name: displayName(m), error: e.message })); }
    }
    for (const b of buttons) b.disabled = false;
    const done = plural(action.done, ok);
    const parts = [linkOnly ? `${done} ${plural("console-bulk-link-only-", linkOnly)}` : done];
    if (skipText) parts.push(skipText);
    if (failures.length) parts.push(plural("console-bulk-failed-", failures.length, { failures: failures.join("; ") }));
    toast(parts.join(", ") + ".", failures.length ? "error" : "ok");
    state.selected.clear();
    await refresh(false);
    $("select-all").focus(); // the bar and its buttons are gone
  }
  $("bulk-reinvite").addEventListener("click", () => bulk("reinvite"));
  $("bulk-cancel").addEventListener("click", () => bulk("cancel"));
  $("bulk-deactivate").addEventListener("click", () => bulk("deactivate"));

  // What admin-members.js and admin-trail.js use of this console.
  // The languages a member's invitation and pages can be in, each by its own name.
  const LANGUAGES = { en: "English", es: "Español", fr: "Français", de: "Deutsch", "pt-BR": "Português (Brasil)", ar: "العربية" };

  // What admin-members.js and admin-trail.js use of this console.
  window.Console = {
    call, tenantPath, userPath, showDialog, displayName, state, refresh, signOut, notice, followDelivery,
    deliveryParts, plural, ROLES, roleName, statusName, channelName, deliveryName, LANGUAGES,
  };

  // ---- start ----------------------------------------------------------------------------------
  // The catalogue in the browser's language first (it sets <html lang dir> and translates the
  // page), and the other console scripts (deferred after this one) run, then what the console
  // writes itself.
  (async function begin() {
    const ready = document.readyState === "loading"
      ? new Promise((done) => document.addEventListener("DOMContentLoaded", done, { once: true })) : null;
    await I18n.load(navigator.languages || [navigator.language]);
    await ready;
    fillRoleFilter();
    fillStatusFilter();
    M().init();
    window.ConsoleTrail.init();
    const existing = loadSession();
    if (existing) start(existing); else $("signin").hidden = false;
  })();
})();
