// The admin console: sign in, counts, the member list (tabs, search as you type, paging), row
// actions, the invite dialog (one person or a pasted list) and the edit dialog. Every value from
// the API is put on the page as text (never as HTML).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const PAGE = 20;
  const SESSION_KEY = "invitations.session";
  const state = { token: null, memberships: [], tenant: null, tenantInfo: null, tab: "all", q: "", cursors: [null], page: 0, next: null };

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
    $("tenant-name").textContent = m.tenant_name;
    $("me").textContent = m.role === "admin" ? "Administrator" : "Manager";
    // Settings and the audit trail are the admins'.
    $("open-settings").hidden = m.role !== "admin";
    $("open-audit").hidden = m.role !== "admin";
    try {
      state.tenantInfo = await call("GET", tenantPath());
    } catch (e) { toast(e.message, "error"); }
    renderProducts();
    refresh(true);
  }

  // ---- counts and list ------------------------------------------------------------------------
  async function refresh(fromStart) {
    if (fromStart) { state.cursors = [null]; state.page = 0; }
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
    const cursor = state.cursors[state.page];
    if (cursor) params.set("cursor", cursor);
    let page;
    try {
      page = await call("GET", tenantPath("/users?" + params));
    } catch (e) { toast(e.message, "error"); return; }
    if (seq !== listSeq) return; // a later keystroke's answer wins
    state.next = page.next_cursor;
    renderRows(page.items);
    $("prev").disabled = state.page === 0;
    $("next").disabled = !state.next;
  }

  $("next").addEventListener("click", () => {
    if (!state.next) return;
    state.cursors[state.page + 1] = state.next;
    state.page += 1;
    loadPage();
  });
  $("prev").addEventListener("click", () => { if (state.page > 0) { state.page -= 1; loadPage(); } });

  const TABS = ["all", "inactive", "renewal"];
  for (const tab of TABS) {
    $("tab-" + tab).addEventListener("click", () => {
      state.tab = tab;
      for (const t of TABS) $("tab-" + t).setAttribute("aria-selected", String(t === tab));
      refresh(true);
    });
  }

  let searchTimer = null;
  $("search").addEventListener("input", (event) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.q = event.target.value.trim();
      state.cursors = [null]; state.page = 0;
      loadPage();
    }, 200);
  });

  const ROLE_NAMES = { admin: "Admin", manager: "Manager", team_leader: "Team leader", agent: "Agent", user: "User" };
  // Both role pickers, lowest role first (the default is the first: user).
  for (const id of ["inv-role", "ed-role"]) {
    $(id).replaceChildren(...Object.entries(ROLE_NAMES).reverse().map(([value, name]) => el("option", { value }, name)));
  }
  function displayName(m) {
    const name = `${m.first_name || ""} ${m.last_name || ""}`.trim();
    return name || m.email || m.phone || "(no name)";
  }

  function renderRows(items) {
    const body = $("rows");
    if (!items.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 4, class: "empty" }, state.q ? "Nobody matches that search." : "Nobody here yet.")));
      return;
    }
    body.replaceChildren(...items.map((m) => {
      const contact = [m.email, m.phone].filter(Boolean).join(" · ");
      let note = "";
      if (m.status === "scheduled" && m.send_at) note = "Sends " + formatTime(m.send_at);
      else if (m.status === "invited" && m.invite_expires_at) note = "Link expires " + relativeTime(m.invite_expires_at);
      else if (m.status === "active" && m.last_login_at) note = "Last sign-in " + formatTime(m.last_login_at);
      return el("tr", { "data-user": m.id, "data-email": m.email || "" },
        el("td", {}, el("strong", {}, displayName(m)), el("span", { class: "sub" }, contact)),
        el("td", { class: "hide-narrow" }, ROLE_NAMES[m.role] || m.role,
          (m.agent_ids || []).length ? el("span", { class: "sub" }, m.agent_ids.join(", ")) : null,
          (m.teams || []).length ? el("span", { class: "sub" }, m.teams.join(", ")) : null),
        el("td", {}, el("span", { class: "badge " + m.status, "data-status": m.status }, m.status),
          m.renewal_requested_at ? el("span", { class: "badge renewal", title: "Asked " + formatTime(m.renewal_requested_at) }, "renewal requested") : null,
          note ? el("span", { class: "sub" }, note) : null,
          deliveryNote(m)),
        el("td", { class: "row-actions" }, actionsFor(m)));
    }));
  }

  // Where each channel's invitation is: queued, sent, delivered, or why not (on hover, and
  // for screen readers in the text itself).
  const CHANNEL_NAMES = { email: "Email", sms: "SMS" };
  const DELIVERY_NAMES = { pending: "queued", sent: "sent", delivered: "delivered", failed: "failed", bounced: "bounced", complained: "complained", rate_limited: "rate limited" };
  function deliveryNote(m) {
    const channels = Object.keys(m.delivery || {});
    if (!channels.length || !["scheduled", "invited", "expired"].includes(m.status)) return null;
    return el("span", { class: "sub delivery" }, ...channels.flatMap((c, i) => {
      const state = m.delivery[c];
      const why = (m.delivery_errors || {})[c];
      const text = `${CHANNEL_NAMES[c] || c}: ${DELIVERY_NAMES[state] || state}${why ? ` (${why})` : ""}`;
      const part = el("span", { class: "delivery-" + state, "data-channel": c, "data-delivery": state, title: why || "" }, text);
      return i ? [" · ", part] : [part];
    }));
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
  function actionsFor(m) {
    const b = (label, fn, cls = "secondary") => el("button", { class: `${cls} small`, type: "button", "aria-label": `${label}: ${displayName(m)}`, onclick: () => fn(m) }, label);
    const pending = ["scheduled", "invited", "expired"].includes(m.status);
    const out = [];
    if (pending) out.push(b(m.status === "scheduled" ? "Send now" : "Reinvite", reinvite));
    if (m.status === "invited") out.push(b("Copy link", copyLink), b("QR code", showQr), b("Print", printInvite));
    out.push(b("History", (x) => window.ConsoleTrail.history(x)));
    if (["invited", "active"].includes(m.status)) out.push(b("Access code", accessCode));
    if (pending) out.push(b("Cancel invite", cancel, "danger"));
    if (m.status === "active") out.push(b("Deactivate", deactivate, "danger"));
    if (m.status === "deactivated") out.push(b("Reactivate", reactivate));
    if (m.status !== "cancelled") out.push(b("Edit", openEdit));
    return out;
  }
  const userPath = (m, verb = "") => tenantPath(`/users/${m.id}${verb}`);

  async function act(fn, done) {
    try {
      const r = await fn();
      toast(done(r));
      await refresh(false);
    } catch (e) {
      toast(e.message, "error");
    }
  }
  function reinvite(m) {
    act(() => call("POST", userPath(m, "/reinvite"), {}), (r) => {
      if (Object.keys(r.delivery || {}).length) followDelivery(r, `A new invitation was sent to ${displayName(r)}; earlier links no longer work.`);
      return `A new invitation to ${displayName(m)} is queued; earlier links no longer work.`;
    });
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
  $("show-close").addEventListener("click", () => {
    const img = $("show-body").querySelector("img");
    if (img) URL.revokeObjectURL(img.src);
    $("show-dialog").close();
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
        el("p", { class: "muted" }, "They scan it with their phone's camera. It works once, for 24 hours.")));
    } catch (e) { toast(e.message, "error"); }
  }
  async function printInvite(m) {
    try {
      const url = URL.createObjectURL(await fetchBlob(m, "print"));
      const a = el("a", { href: url, download: `invitation-${displayName(m).replace(/[^\w.-]+/g, "-")}.html` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
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

  // ---- edit -----------------------------------------------------------------------------------
  let editing = null;
  function openEdit(m) {
    editing = m;
    const f = $("edit-form");
    f.first_name.value = m.first_name || "";
    f.last_name.value = m.last_name || "";
    f.role.value = m.role;
    f.agent_ids.value = (m.agent_ids || []).join(", ");
    f.teams.value = (m.teams || []).join(", ");
    f.phone.value = m.phone || "";
    f.shortcode.value = m.shortcode || "";
    $("edit-error").hidden = true;
    $("edit-title").textContent = `Edit ${displayName(m)}`;
    $("edit-dialog").showModal();
  }
  $("edit-cancel").addEventListener("click", () => $("edit-dialog").close());
  $("edit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = event.target;
    const m = editing;
    const patch = {};
    // A cleared name is sent as "" (and refused with its message); a cleared phone or shortcode as null.
    const text = (name, current, cleared) => { const v = f[name].value.trim(); if (v !== (current || "")) patch[name] = v || cleared; };
    text("first_name", m.first_name, "");
    text("last_name", m.last_name, "");
    text("phone", m.phone, null);
    text("shortcode", m.shortcode, null);
    if (f.role.value !== m.role) patch.role = f.role.value;
    for (const name of ["agent_ids", "teams"]) {
      const v = list(f[name].value);
      if (v.join(",") !== (m[name] || []).join(",")) patch[name] = v;
    }
    if (!Object.keys(patch).length) { $("edit-dialog").close(); return; }
    try {
      await call("PATCH", userPath(m), patch);
      $("edit-dialog").close();
      toast(`${displayName(m)} was updated.`);
      refresh(false);
    } catch (e) {
      const box = $("edit-error");
      box.textContent = e.errors.length ? e.errors.map((x) => `${x.field}: ${x.message}`).join(" ") : e.message;
      box.hidden = false;
    }
  });

  // ---- invite ---------------------------------------------------------------------------------
  const list = (s) => s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);
  let mode = "one";
  function setMode(next) {
    mode = next;
    $("mode-one").setAttribute("aria-selected", String(next === "one"));
    $("mode-many").setAttribute("aria-selected", String(next === "many"));
    $("one-fields").hidden = next !== "one";
    $("many-fields").hidden = next !== "many";
    $("invite-submit").textContent = next === "one" ? "Send invitation" : "Send invitations";
  }
  $("mode-one").addEventListener("click", () => setMode("one"));
  $("mode-many").addEventListener("click", () => setMode("many"));

  function renderProducts() {
    const products = (state.tenantInfo && state.tenantInfo.products) || [];
    $("products-box").hidden = !products.length;
    $("products").replaceChildren(...products.map((p) =>
      el("label", { class: "inline" }, el("input", { type: "checkbox", name: "product", value: p }), p)));
  }
  function roleChanged() {
    const role = $("inv-role").value;
    $("agent-box").hidden = role !== "agent";
    $("teams-box").hidden = role !== "team_leader";
  }
  $("inv-role").addEventListener("change", roleChanged);
  for (const r of document.querySelectorAll("input[name=when]")) {
    r.addEventListener("change", () => { $("later-box").hidden = r.value !== "later" || !r.checked; });
  }
  (function fillZones() {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [here];
    if (!zones.includes("UTC")) zones.unshift("UTC");
    $("inv-tz").replaceChildren(...zones.map((z) => el("option", { value: z, selected: z === here }, z)));
  })();

  $("open-invite").addEventListener("click", () => {
    const f = $("invite-form");
    f.reset();
    setMode("one");
    roleChanged();
    $("later-box").hidden = true;
    $("invite-error").hidden = true;
    $("invite-results").replaceChildren();
    for (const old of f.querySelectorAll(".field-error")) old.remove();
    $("invite-dialog").showModal();
    $("inv-first").focus();
  });
  $("invite-cancel").addEventListener("click", () => $("invite-dialog").close());

  // A pasted spreadsheet column: one address a line; a row's first cell holding an "@" (or its
  // first cell), so a bad address still gets a row of its own and its own error.
  function pastedAddresses(text) {
    return text.split(/\r?\n/).map((line) => {
      const cells = line.split(/[\t,;]/).map((c) => c.trim()).filter(Boolean);
      return cells.find((c) => c.includes("@")) || cells[0] || "";
    }).filter((a) => a && a.toLowerCase() !== "email");
  }

  function defaults(f) {
    const body = { role: f.role.value };
    const channels = [...f.querySelectorAll("input[name=channel]:checked")].map((c) => c.value);
    body.channels = channels;
    const products = [...f.querySelectorAll("input[name=product]:checked")].map((c) => c.value);
    if (products.length) body.products = products;
    if (body.role === "agent") body.agent_ids = list(f.agent_ids.value);
    if (body.role === "team_leader") body.teams = list(f.teams.value);
    if (f.querySelector("input[name=when]:checked").value === "later") {
      body.send_at = f.send_at.value.length === 16 ? f.send_at.value + ":00" : f.send_at.value;
      body.timezone = f.timezone.value;
    }
    return body;
  }

  $("invite-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = event.target;
    const box = $("invite-error");
    box.hidden = true;
    for (const old of f.querySelectorAll(".field-error")) old.remove();
    const base = defaults(f);
    const submit = $("invite-submit");
    submit.disabled = true;
    try {
      if (mode === "one") await inviteOne(f, base);
      else await inviteMany(f, base);
    } finally {
      submit.disabled = false;
    }
  });

  const FIELD_INPUT = { email: "inv-email", phone: "inv-phone", first_name: "inv-first", last_name: "inv-last", role: "inv-role", agent_ids: "inv-agents", teams: "inv-teams", send_at: "inv-at", timezone: "inv-tz" };
  async function inviteOne(f, base) {
    const body = { ...base };
    for (const k of ["email", "phone", "first_name", "last_name"]) { const v = f[k].value.trim(); if (v) body[k] = v; }
    try {
      const m = await call("POST", tenantPath("/invitations"), body);
      $("invite-dialog").close();
      toast(m.status === "scheduled" ? `The invitation of ${displayName(m)} will be sent ${formatTime(m.send_at)}.`
        : body.channels.length ? `Invitation to ${displayName(m)} queued.` : `${displayName(m)} was invited: copy the link, show the QR code or print it.`);
      if (m.status !== "scheduled" && body.channels.length) followDelivery(m, `Invitation sent to ${displayName(m)}.`);
      refresh(true);
    } catch (e) {
      const box = $("invite-error");
      box.textContent = e.code === "already_member" ? "This person already has an invitation or an account here." : e.message;
      box.hidden = false;
      for (const err of e.errors) {
        const input = $(FIELD_INPUT[err.field.replace(/\[\d+\]$/, "")] || "");
        if (input) input.after(el("p", { class: "field-error" }, err.message));
      }
    }
  }

  async function inviteMany(f, base) {
    const addresses = pastedAddresses(f.list.value);
    const box = $("invite-error");
    if (!addresses.length) { box.textContent = "Paste at least one email address."; box.hidden = false; return; }
    let r;
    try {
      r = await call("POST", tenantPath("/invitations/batch"), { ...base, invitees: addresses.map((email) => ({ email })) });
    } catch (e) {
      box.textContent = e.message; box.hidden = false; return;
    }
    const created = r.results.filter((x) => x.status === "created").length;
    $("invite-results").replaceChildren(...r.results.map((x) => x.status === "created"
      ? el("li", { class: "ok" }, `✓ ${addresses[x.index]}: invited`)
      : el("li", { class: "error", "data-index": x.index }, `✗ ${addresses[x.index]}: ${(x.error && (x.error.errors && x.error.errors[0] ? x.error.errors[0].message : x.error.detail || x.error.title)) || "not invited"}`)));
    toast(`${created} of ${r.results.length} invited.`, created === r.results.length ? "ok" : "error");
    if (created === r.results.length) $("invite-dialog").close();
    refresh(true);
  }

  // What admin-trail.js (settings, audit trail, history) uses of this console.
  window.Console = { call, tenantPath, userPath, showDialog, displayName, state, refresh };

  // ---- start ----------------------------------------------------------------------------------
  const existing = loadSession();
  if (existing) start(existing); else $("signin").hidden = false;
})();
