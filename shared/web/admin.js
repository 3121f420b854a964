// The admin console: sign in, counts, the member list (tabs, filters, search as you type,
// paging), each row's actions, the selection and its bulk actions, and the CSV export. The
// dialogs that read or write a member (invite, edit, details, reinvite) are admin-members.js;
// settings, the audit trail and a member's history are admin-trail.js. Every value from the API
// is put on the page as text (never as HTML).
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
      box.textContent = e.code === "invalid_credentials" ? "That email and password do not match." :
        e.code === "too_many_attempts" ? "Too many attempts. Please wait a few minutes and try again." : e.message;
      box.hidden = false;
    }
  });
  $("signout").addEventListener("click", signOut);

  function start(session) {
    state.token = session.token;
    state.memberships = (session.memberships || []).filter((m) => m.status === "active" && ["admin", "manager"].includes(m.role));
    if (!state.memberships.length) {
      $("signin").hidden = false;
      $("signin-error").textContent = "You do not manage users in any organisation.";
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
    $("me").textContent = m.role === "admin" ? "Administrator" : "Manager";
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
    const box = $("console-notice");
    if (!text) { box.replaceChildren(); return; }
    box.replaceChildren(el("div", { class: `notice ${kind} dismissable` },
      el("span", { id: "console-notice-text" }, text),
      el("button", { type: "button", class: "secondary small", onclick: () => notice(null) }, "Dismiss")));
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
    $("page-number").textContent = `Page ${state.page + 1}`;
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

  const ROLE_NAMES = { admin: "Admin", manager: "Manager", team_leader: "Team leader", agent: "Agent", user: "User" };
  const STATUS_NAMES = { scheduled: "Scheduled", invited: "Invited", expired: "Expired", active: "Active", deactivated: "Deactivated", cancelled: "Cancelled" };
  const TAB_STATUSES = { all: ["scheduled", "invited", "expired", "active"], inactive: ["deactivated", "cancelled"], renewal: ["invited", "expired"] };
  function fillStatusFilter() {
    const statuses = TAB_STATUSES[state.tab];
    if (!statuses.includes(state.status)) state.status = "";
    $("filter-status").replaceChildren(el("option", { value: "" }, "Any status"),
      ...statuses.map((s) => el("option", { value: s, selected: s === state.status }, STATUS_NAMES[s])));
  }
  $("filter-role").replaceChildren(el("option", { value: "" }, "Any role"),
    ...Object.entries(ROLE_NAMES).map(([value, name]) => el("option", { value }, name)));
  fillStatusFilter();
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
    return name || m.email || m.phone || "(no name)";
  }

  function renderRows(items) {
    state.items = items;
    for (const id of [...state.selected]) if (!items.some((m) => m.id === id)) state.selected.delete(id);
    const body = $("rows");
    if (!items.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 5, class: "empty" }, state.q ? "Nobody matches that search." : "Nobody here yet.")));
      renderSelection();
      return;
    }
    body.replaceChildren(...items.map((m) => {
      const contact = [m.email, m.phone].filter(Boolean).join(" · ");
      let note = "";
      if (m.status === "scheduled" && m.send_at) note = "Sends " + formatTime(m.send_at);
      else if (m.status === "invited" && m.invite_expires_at) note = "Link expires " + relativeTime(m.invite_expires_at);
      else if (m.status === "active" && m.last_login_at) note = "Last sign-in " + formatTime(m.last_login_at);
      const pick = el("input", {
        type: "checkbox", class: "pick", "aria-label": `Select ${displayName(m)}`, checked: state.selected.has(m.id),
        onchange: (e) => { if (e.target.checked) state.selected.add(m.id); else state.selected.delete(m.id); renderSelection(); },
      });
      return el("tr", { "data-user": m.id, "data-email": m.email || "", "data-phone": m.phone || "" },
        el("td", { class: "select" }, pick),
        el("td", {},
          el("button", { type: "button", class: "linklike", title: "Show the details", onclick: () => M().details(m) }, displayName(m)),
          el("span", { class: "sub" }, contact)),
        el("td", { class: "hide-narrow" }, ROLE_NAMES[m.role] || m.role,
          (m.agent_ids || []).length ? el("span", { class: "sub" }, m.agent_ids.join(", ")) : null,
          (m.teams || []).length ? el("span", { class: "sub" }, m.teams.join(", ")) : null),
        el("td", {}, el("span", { class: "badge " + m.status, "data-status": m.status }, m.status),
          m.renewal_requested_at ? el("span", { class: "badge renewal", title: "Asked " + formatTime(m.renewal_requested_at) }, "renewal requested") : null,
          note ? el("span", { class: "sub" }, note) : null,
          deliveryNote(m)),
        el("td", {}, el("div", { class: "row-actions" }, actionsFor(m))));
    }));
    renderSelection();
  }

  // Where each channel's invitation is: queued, sent, delivered, or why not (on hover, and
  // for screen readers in the text itself).
  const CHANNEL_NAMES = { email: "Email", sms: "SMS" };
  const DELIVERY_NAMES = { pending: "queued", sent: "sent", delivered: "delivered", failed: "failed", bounced: "bounced", complained: "complained", rate_limited: "rate limited" };
  function deliveryParts(m) {
    return Object.keys(m.delivery || {}).map((c) => {
      const state = m.delivery[c];
      const why = (m.delivery_errors || {})[c];
      const text = `${CHANNEL_NAMES[c] || c}: ${DELIVERY_NAMES[state] || state}${why ? ` (${why})` : ""}`;
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
        const why = bad.map(([c, d]) => `${CHANNEL_NAMES[c] || c} ${DELIVERY_NAMES[d] || d}${(now.delivery_errors || {})[c] ? `: ${now.delivery_errors[c]}` : ""}`).join("; ");
        toast(`The invitation to ${displayName(now)} could not be sent (${why}).`, "error");
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
    const b = (label, fn, cls = "secondary") => el("button", { class: `${cls} small`, type: "button", "aria-label": `${label}: ${displayName(m)}`, onclick: () => fn(m) }, label);
    const pending = PENDING.includes(m.status);
    const out = [];
    if (pending) out.push(b(m.status === "scheduled" ? "Send now" : "Reinvite", (x) => M().reinvite(x)));
    if (m.status === "invited") out.push(b("Copy link", copyLink), b("QR code", showQr), b("Print", printInvite));
    out.push(b("History", (x) => window.ConsoleTrail.history(x)));
    if (["invited", "active"].includes(m.status) && m.email) out.push(b("Access code", accessCode));
    if (pending) out.push(b("Cancel invite", cancel, "danger"));
    if (m.status === "active") out.push(b("Deactivate", deactivate, "danger"));
    if (m.status === "deactivated") out.push(b("Reactivate", reactivate));
    if (m.status !== "cancelled") out.push(b("Edit", (x) => M().edit(x)));
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
    if (!confirm(`Cancel the invitation of ${displayName(m)}?`)) return;
    act(() => call("POST", userPath(m, "/deactivate")), () => `The invitation of ${displayName(m)} was cancelled.`);
  }
  function deactivate(m) {
    if (!confirm(`Deactivate ${displayName(m)}? They will no longer be able to sign in.`)) return;
    act(() => call("POST", userPath(m, "/deactivate")), () => `${displayName(m)} was deactivated.`);
  }
  function reactivate(m) {
    act(() => call("POST", userPath(m, "/reactivate")), () => `${displayName(m)} is active again.`);
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
      const input = el("input", { readonly: true, value: r.url, "aria-label": "Invitation link", id: "link-value" });
      showDialog(`Invitation link for ${displayName(m)}`, el("p", {}, `Works once, until ${formatTime(r.expires_at)}. Send it only to ${displayName(m)}.`), input);
      input.select();
      try { await navigator.clipboard.writeText(r.url); toast("Link copied to the clipboard."); } catch (_) { /* shown in the dialog */ }
    } catch (e) { toast(e.message, "error"); }
  }
  async function fetchBlob(m, format) {
    const res = await api("POST", userPath(m, "/invitation-link"), { token: state.token, body: { format } });
    return res.blob();
  }
  async function showQr(m) {
    try {
      const url = URL.createObjectURL(await fetchBlob(m, "qr_png"));
      showDialog(`QR code for ${displayName(m)}`, el("div", { class: "qr-box" },
        el("img", { src: url, alt: `QR code of the invitation link of ${displayName(m)}` }),
        el("p", { class: "muted" }, "They scan it with their phone's camera. It works once, until the invitation expires.")));
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
      toast(`The printable invitation of ${displayName(m)} was downloaded: open it and print.`);
    } catch (e) { toast(e.message, "error"); }
  }
  async function accessCode(m) {
    try {
      const r = await call("POST", userPath(m, "/access-code"));
      showDialog(`Quick access code for ${displayName(m)}`,
        el("p", { class: "code", id: "access-code" }, r.code),
        el("p", {}, `They sign in with their email and this code before ${formatTime(r.expires_at)}. It works once.`));
    } catch (e) { toast(e.message, "error"); }
  }

  // ---- export ---------------------------------------------------------------------------------
  $("export-csv").addEventListener("click", async () => {
    try {
      const res = await api("GET", tenantPath("/users/export.csv"), { token: state.token, accept: "text/csv" });
      download(await res.blob(), "users.csv");
      toast("Every member was exported to users.csv.");
    } catch (e) {
      if (e.code === "unauthenticated") signOut();
      toast(e.message, "error");
    }
  });

  // ---- selection and bulk actions -------------------------------------------------------------
  function renderSelection() {
    const n = state.selected.size;
    $("bulk-bar").hidden = n === 0;
    $("bulk-count").textContent = `${n} selected`;
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

  // What each bulk action fits, and why a member it does not fit is skipped.
  const BULK = {
    reinvite: {
      fits: (m) => PENDING.includes(m.status),
      skip: { active: "already active", deactivated: "deactivated", cancelled: "cancelled" },
      done: "reinvited",
      // The channels each was last sent on (none: a fresh link, nothing sent).
      run: (m) => call("POST", userPath(m, "/reinvite"), { channels: Object.keys(m.delivery || {}) }),
    },
    cancel: {
      fits: (m) => PENDING.includes(m.status),
      skip: { active: "already active", deactivated: "deactivated", cancelled: "already cancelled" },
      done: "cancelled",
      confirm: (n) => `Cancel the invitation${n === 1 ? "" : "s"} of ${n} ${n === 1 ? "person" : "people"}? Their links stop working.`,
      run: (m) => call("POST", userPath(m, "/deactivate")),
    },
    deactivate: {
      fits: (m) => m.status === "active",
      skip: { scheduled: "not joined yet", invited: "not joined yet", expired: "not joined yet", deactivated: "already deactivated", cancelled: "cancelled" },
      done: "deactivated",
      confirm: (n) => `Deactivate ${n} ${n === 1 ? "person" : "people"}? They will no longer be able to sign in.`,
      run: (m) => call("POST", userPath(m, "/deactivate")),
    },
  };
  const count = (reasons) => {
    const byReason = {};
    for (const r of reasons) byReason[r] = (byReason[r] || 0) + 1;
    const entries = Object.entries(byReason);
    return entries.length === 1 ? entries[0][0] : entries.map(([r, n]) => `${n} ${r}`).join(", ");
  };

  async function bulk(kind) {
    const action = BULK[kind];
    const chosen = state.items.filter((m) => state.selected.has(m.id));
    const fit = chosen.filter(action.fits);
    const skipped = chosen.filter((m) => !action.fits(m)).map((m) => action.skip[m.status] || m.status);
    const skipText = skipped.length ? `${skipped.length} skipped (${count(skipped)})` : "";
    if (!fit.length) { toast(`Nothing to do: ${skipText}.`, "error"); return; }
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
      } catch (e) { failures.push(`${displayName(m)}: ${e.message}`); }
    }
    for (const b of buttons) b.disabled = false;
    const parts = [`${ok} ${action.done}${linkOnly ? ` (${linkOnly} without a message: copy their link instead)` : ""}`];
    if (skipText) parts.push(skipText);
    if (failures.length) parts.push(`${failures.length} failed (${failures.join("; ")})`);
    toast(parts.join(", ") + ".", failures.length ? "error" : "ok");
    state.selected.clear();
    await refresh(false);
    $("select-all").focus(); // the bar and its buttons are gone
  }
  $("bulk-reinvite").addEventListener("click", () => bulk("reinvite"));
  $("bulk-cancel").addEventListener("click", () => bulk("cancel"));
  $("bulk-deactivate").addEventListener("click", () => bulk("deactivate"));

  // What admin-members.js and admin-trail.js use of this console.
  window.Console = {
    call, tenantPath, userPath, showDialog, displayName, state, refresh, signOut, notice, followDelivery,
    deliveryParts, ROLE_NAMES, STATUS_NAMES, CHANNEL_NAMES, DELIVERY_NAMES,
  };

  // ---- start ----------------------------------------------------------------------------------
  const existing = loadSession();
  if (existing) start(existing); else $("signin").hidden = false;
})();
