// The admin console's dialogs that read or write one member, or invite new ones: the invite
// dialog (one person, or a pasted list: addresses, or spreadsheet rows with a header sent as
// CSV), the reinvite dialog (its channels), the edit dialog and the details view. admin.js
// exposes what they share as window.Console. Every value from the API is put on the page as text;
// the console's own texts are `console-` messages of the catalogue (I18n.t).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const C = () => window.Console;
  const name = (m) => C().displayName(m);
  // A list typed with commas (the Arabic comma too) or semicolons, or one a line.
  const list = (s) => s.split(/[,،;\n]/).map((x) => x.trim()).filter(Boolean);
  const t = (id, args, fallback) => I18n.t(id, args, fallback);
  const PENDING = ["scheduled", "invited", "expired"];

  // Both role pickers, lowest role first (the default is the first: user); both language pickers.
  function fillPickers() {
    const roles = [...C().ROLES].reverse();
    for (const id of ["inv-role", "ed-role"]) $(id).replaceChildren(...roles.map((value) => el("option", { value }, C().roleName(value))));
    for (const select of document.querySelectorAll(".locale-select")) {
      select.replaceChildren(el("option", { value: "" }, t("console-organisation-default")),
        ...Object.entries(C().LANGUAGES).map(([value, n]) => el("option", { value, lang: value }, n)));
    }
  }

  // The tenant's products as checkboxes in `box` (and any the member has that the tenant no
  // longer offers, so that saving does not drop them unseen).
  function productBoxes(box, fieldset, checked = []) {
    const offered = (C().state.tenantInfo && C().state.tenantInfo.products) || [];
    const all = [...offered, ...checked.filter((p) => !offered.includes(p))];
    fieldset.hidden = !all.length;
    box.replaceChildren(...all.map((p) =>
      el("label", { class: "inline" }, el("input", { type: "checkbox", name: "product", value: p, checked: checked.includes(p) }), p)));
  }
  const checkedProducts = (form) => [...form.querySelectorAll("input[name=product]:checked")].map((c) => c.value);

  // A field's errors from a problem: next to their inputs, the rest in the dialog's box.
  function showErrors(e, form, box, inputs, lead) {
    clearErrors(form, box);
    const unplaced = [];
    for (const err of e.errors || []) {
      const input = $(inputs[err.field.replace(/\[\d+\]$/, "")] || "");
      if (!input) { unplaced.push(`${err.field}: ${err.message}`); continue; }
      input.setAttribute("aria-invalid", "true");
      const id = `${input.id}-error`;
      // Read with the field (aria-describedby: every screen reader announces it; axe accepts it).
      const described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      if (!described.includes(id)) input.setAttribute("aria-describedby", [...described, id].join(" "));
      input.after(el("p", { class: "field-error", id }, err.message));
    }
    box.textContent = [lead || e.message, ...unplaced].join(" ");
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }
  function clearErrors(form, box) {
    box.hidden = true;
    for (const old of form.querySelectorAll(".field-error")) old.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      const kept = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter((t) => t && !t.endsWith("-error"));
      if (kept.length) input.setAttribute("aria-describedby", kept.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }

  // ---- reinvite (and "send now") --------------------------------------------------------------
  let reinviting = null;
  function reinvite(m) {
    reinviting = m;
    const now = m.status === "scheduled";
    $("reinvite-title").textContent = t(now ? "console-send-now-title" : "console-reinvite-title", { name: name(m) });
    $("reinvite-text").textContent = t(now ? "console-send-now-text" : "console-reinvite-text");
    // Each channel the member has an address for, checked if it was last sent on (none: email,
    // or SMS for a phone alone).
    const offer = [["email", C().channelName("email"), m.email], ["sms", C().channelName("sms"), m.phone]].filter(([, , address]) => address);
    const last = Object.keys(m.delivery || {});
    const wanted = last.length ? last : offer.slice(0, 1).map(([value]) => value);
    $("reinvite-channels").replaceChildren(...offer.map(([value, label, address]) =>
      el("label", { class: "inline" },
        el("input", { type: "checkbox", name: "channel", value, checked: wanted.includes(value), onchange: reinviteChoice }),
        t("console-channel-address", { channel: label, address }))));
    $("reinvite-error").hidden = true;
    $("reinvite-submit").disabled = false;
    reinviteChoice();
    $("reinvite-dialog").showModal();
  }
  const reinviteChannels = () => [...$("reinvite-form").querySelectorAll("input[name=channel]:checked")].map((c) => c.value);
  function reinviteChoice() {
    const none = !reinviteChannels().length;
    $("reinvite-hint").textContent = none ? t("console-reinvite-none") : "";
    $("reinvite-submit").textContent = t(none ? "console-renew-without-sending"
      : reinviting.status === "scheduled" ? "console-send-now" : "console-send-invitation");
  }
  $("reinvite-cancel").addEventListener("click", () => $("reinvite-dialog").close());
  $("reinvite-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const m = reinviting;
    const channels = reinviteChannels();
    const submit = $("reinvite-submit");
    submit.disabled = true;
    let r;
    try {
      r = await C().call("POST", C().userPath(m, "/reinvite"), { channels });
    } catch (e) {
      const box = $("reinvite-error");
      box.textContent = e.errors.length ? e.errors.map((x) => x.message).join(" ") : e.message;
      box.hidden = false;
      submit.disabled = false;
      return;
    }
    $("reinvite-dialog").close();
    if (Object.keys(r.delivery || {}).length) {
      const on = new Intl.ListFormat(I18n.locale, { type: "conjunction" }).format(Object.keys(r.delivery).map((c) => C().channelName(c)));
      toast(t("console-reinvite-queued", { name: name(r), channels: on }));
      C().followDelivery(r, t("console-reinvite-sent", { name: name(r) }));
    } else {
      toast(t("console-renewed-link", { name: name(r) }));
    }
    C().refresh(false);
  });

  // ---- details --------------------------------------------------------------------------------
  let showing = null;
  async function details(m) {
    let fresh = m;
    try { fresh = await C().call("GET", C().userPath(m)); } catch (e) { toast(e.message, "error"); return; }
    showing = fresh;
    $("details-title").textContent = name(fresh);
    const time = (iso) => (iso ? formatTime(iso) : "—");
    const listed = (xs) => ((xs || []).length ? xs.join(", ") : "—");
    const e = fresh.employment || {};
    const extra = Object.entries(e.extra || {});
    const delivery = C().deliveryParts(fresh);
    // Each row: its label's message (or, for the employment's other fields, the key as given).
    const rows = [
      ["console-email", fresh.email || "—"],
      ["console-phone", fresh.phone || "—"],
      ["console-role", C().roleName(fresh.role)],
      ["console-agent-ids", listed(fresh.agent_ids)],
      ["console-teams", listed(fresh.teams)],
      ["console-products", listed(fresh.products)],
      ["console-shortcode", fresh.shortcode || "—"],
      ["console-department", e.department || "—"],
      ["console-job-title", e.job_title || "—"],
      ...extra.map(([k, v]) => [null, v, k]),
      ["console-language", fresh.locale ? C().LANGUAGES[fresh.locale] || fresh.locale : t("console-organisation-default")],
      ["console-status", C().statusName(fresh.status)],
      ["console-invited-by", el("span", { id: "details-inviter" }, fresh.inviter_name || "—")],
      ["console-invited-at", time(fresh.invited_at)],
      ["console-scheduled-for", time(fresh.send_at)],
      ["console-link-expires", time(fresh.invite_expires_at)],
      ["console-joined", time(fresh.accepted_at)],
      ["console-deactivated-at", time(fresh.deactivated_at)],
      ...("last_login_at" in fresh ? [["console-last-sign-in", time(fresh.last_login_at)]] : []),
      ["console-delivery-label", delivery.length
        ? el("ul", { class: "plain", id: "details-delivery" }, ...delivery.map((d) => el("li", {}, d))) : t("console-no-message")],
      ["console-profile", t(fresh.existing_profile ? "console-profile-existing" : "console-profile-new")],
      ...(fresh.renewal_requested_at ? [["console-asked-renewal", time(fresh.renewal_requested_at)]] : []),
    ];
    $("details-list").replaceChildren(...rows.flatMap(([id, v, key]) => [el("dt", {}, id ? t(id) : key), el("dd", {}, v)]));
    $("details-edit").hidden = fresh.status === "cancelled";
    $("details-dialog").showModal();
  }
  $("details-close").addEventListener("click", () => $("details-dialog").close());
  $("details-history").addEventListener("click", () => { $("details-dialog").close(); window.ConsoleTrail.history(showing); });
  $("details-edit").addEventListener("click", () => { $("details-dialog").close(); edit(showing); });

  // ---- edit -----------------------------------------------------------------------------------
  let editing = null;
  function editRoleChanged() {
    const role = $("ed-role").value;
    for (const [field, needed] of [["agents", role === "agent"], ["teams", role === "team_leader"]]) {
      $(`ed-${field}-req`).hidden = !needed;
      const input = $(`ed-${field}`);
      input.required = needed;
      input.setAttribute("aria-required", String(needed));
    }
  }
  $("ed-role").addEventListener("change", editRoleChanged);
  function edit(m) {
    editing = m;
    const f = $("edit-form");
    clearErrors(f, $("edit-error"));
    f.first_name.value = m.first_name || "";
    f.last_name.value = m.last_name || "";
    f.email.value = m.email || "";
    f.email.disabled = !PENDING.includes(m.status);
    f.role.value = m.role;
    f.agent_ids.value = (m.agent_ids || []).join(", ");
    f.teams.value = (m.teams || []).join(", ");
    f.phone.value = m.phone || "";
    f.shortcode.value = m.shortcode || "";
    f.department.value = (m.employment && m.employment.department) || "";
    f.job_title.value = (m.employment && m.employment.job_title) || "";
    f.locale.value = m.locale || "";
    productBoxes($("ed-products"), $("ed-products-box"), m.products || []);
    editRoleChanged();
    $("edit-title").textContent = t("console-edit-title", { name: name(m) });
    $("edit-dialog").showModal();
  }
  $("edit-cancel").addEventListener("click", () => $("edit-dialog").close());
  const EDIT_INPUTS = {
    first_name: "ed-first", last_name: "ed-last", email: "ed-email", phone: "ed-phone", role: "ed-role",
    agent_ids: "ed-agents", teams: "ed-teams", shortcode: "ed-shortcode", "employment.department": "ed-department",
    "employment.job_title": "ed-job-title", locale: "ed-locale", products: "ed-products-box",
  };
  $("edit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = event.target;
    const m = editing;
    const box = $("edit-error");
    clearErrors(f, box);
    const patch = {};
    // A cleared name is sent as "" (and refused with its message); a cleared phone or shortcode as null.
    const text = (field, current, cleared) => { const v = f[field].value.trim(); if (v !== (current || "")) patch[field] = v || cleared; };
    text("first_name", m.first_name, "");
    text("last_name", m.last_name, "");
    if (!f.email.disabled) text("email", m.email, "");
    text("phone", m.phone, null);
    text("shortcode", m.shortcode, null);
    if (f.role.value !== m.role) patch.role = f.role.value;
    for (const field of ["agent_ids", "teams"]) {
      const v = list(f[field].value);
      if (v.join(",") !== (m[field] || []).join(",")) patch[field] = v;
    }
    const products = checkedProducts(f);
    if ([...products].sort().join(",") !== [...(m.products || [])].sort().join(",")) patch.products = products;
    // Employment: both cleared is null (its other fields, if any, are kept).
    const was = m.employment || {};
    const department = f.department.value.trim();
    const jobTitle = f.job_title.value.trim();
    if (department !== (was.department || "") || jobTitle !== (was.job_title || "")) {
      const next = {};
      if (department) next.department = department;
      if (jobTitle) next.job_title = jobTitle;
      if (was.extra && Object.keys(was.extra).length) next.extra = was.extra;
      patch.employment = Object.keys(next).length ? next : null;
    }
    if (f.locale.value !== (m.locale || "")) patch.locale = f.locale.value || null;
    if (!Object.keys(patch).length) { $("edit-dialog").close(); return; }
    try {
      const r = await C().call("PATCH", C().userPath(m), patch);
      $("edit-dialog").close();
      const relinked = PENDING.includes(m.status) && (("email" in patch) || ("phone" in patch));
      toast(t(relinked ? "console-updated-relinked" : "console-updated", { name: name(r) }));
      C().refresh(false);
    } catch (e) {
      showErrors(e, f, box, EDIT_INPUTS);
    }
  });

  // ---- invite ---------------------------------------------------------------------------------
  let mode = "one";
  function setMode(next) {
    mode = next;
    $("mode-one").setAttribute("aria-selected", String(next === "one"));
    $("mode-many").setAttribute("aria-selected", String(next === "many"));
    $("one-fields").hidden = next !== "one";
    $("many-fields").hidden = next !== "many";
    $("shortcode-box").hidden = next !== "one"; // one person's; a pasted row may have a Shortcode column
    $("inv-list").required = next === "many";
    $("inv-list").setAttribute("aria-required", String(next === "many"));
    $("invite-submit").textContent = t(next === "one" ? "console-send-invitation" : "console-send-invitations");
    roleChanged();
  }
  $("mode-one").addEventListener("click", () => setMode("one"));
  $("mode-many").addEventListener("click", () => setMode("many"));

  function roleChanged() {
    const role = $("inv-role").value;
    // A batch has no shared agent ids (each is one person's): rows bring their own.
    $("agent-box").hidden = role !== "agent" || mode !== "one";
    $("agent-many-hint").hidden = role !== "agent" || mode !== "many";
    $("teams-box").hidden = role !== "team_leader";
    for (const [id, needed] of [["inv-agents", role === "agent" && mode === "one"], ["inv-teams", role === "team_leader"]]) {
      $(id).required = needed;
      $(id).setAttribute("aria-required", String(needed));
    }
  }
  $("inv-role").addEventListener("change", roleChanged);

  // Email or phone: both are marked required until one is given.
  let channelsTouched = false;
  function contactChanged() {
    const email = $("inv-email").value.trim();
    const phone = $("inv-phone").value.trim();
    $("inv-email").setAttribute("aria-required", String(!phone));
    $("inv-phone").setAttribute("aria-required", String(!email));
    // Until the admin picks channels: email when there is an email, else SMS for a phone alone.
    if (!channelsTouched) {
      const [byEmail, bySms] = document.querySelectorAll("#invite-form input[name=channel]");
      byEmail.checked = Boolean(email) || !phone;
      bySms.checked = !email && Boolean(phone) && !bySms.disabled;
    }
  }
  $("inv-email").addEventListener("input", contactChanged);
  $("inv-phone").addEventListener("input", contactChanged);
  for (const c of document.querySelectorAll("#invite-form input[name=channel]")) c.addEventListener("change", () => { channelsTouched = true; });

  function whenChanged() {
    const later = document.querySelector("#invite-form input[name=when]:checked").value === "later";
    $("later-box").hidden = !later;
    $("inv-at").required = later;
    $("inv-at").setAttribute("aria-required", String(later));
  }
  for (const r of document.querySelectorAll("#invite-form input[name=when]")) r.addEventListener("change", whenChanged);
  function fillZones() {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [here];
    if (!zones.includes("UTC")) zones.unshift("UTC");
    $("inv-tz").replaceChildren(...zones.map((z) => el("option", { value: z, selected: z === here }, z)));
  }

  $("open-invite").addEventListener("click", () => {
    const f = $("invite-form");
    f.reset();
    channelsTouched = false;
    productBoxes($("products"), $("products-box"));
    const countries = (C().state.tenantInfo && C().state.tenantInfo.sms_countries) || [];
    $("inv-sms").disabled = !countries.length;
    $("sms-countries").textContent = countries.length ? t("console-sms-to", { countries: countries.join(", ") }) : t("console-no-sms");
    setMode("one");
    contactChanged();
    whenChanged();
    clearErrors(f, $("invite-error"));
    $("invite-results").replaceChildren();
    $("invite-dialog").showModal();
    $("inv-first").focus();
  });
  $("invite-cancel").addEventListener("click", () => $("invite-dialog").close());

  function defaults(f) {
    const body = { role: f.role.value };
    body.channels = [...f.querySelectorAll("input[name=channel]:checked")].map((c) => c.value);
    const products = checkedProducts(f);
    if (products.length) body.products = products;
    if (body.role === "agent" && mode === "one") body.agent_ids = list(f.agent_ids.value);
    if (body.role === "team_leader") body.teams = list(f.teams.value);
    const employment = {};
    if (f.department.value.trim()) employment.department = f.department.value.trim();
    if (f.job_title.value.trim()) employment.job_title = f.job_title.value.trim();
    if (Object.keys(employment).length) body.employment = employment;
    if (f.locale.value) body.locale = f.locale.value;
    if (f.querySelector("input[name=when]:checked").value === "later") {
      body.send_at = f.send_at.value.length === 16 ? f.send_at.value + ":00" : f.send_at.value;
      body.timezone = f.timezone.value;
    }
    return body;
  }

  $("invite-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = event.target;
    clearErrors(f, $("invite-error"));
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

  const FIELD_INPUT = {
    email: "inv-email", phone: "inv-phone", first_name: "inv-first", last_name: "inv-last", role: "inv-role",
    agent_ids: "inv-agents", teams: "inv-teams", send_at: "inv-at", timezone: "inv-tz", shortcode: "inv-shortcode",
    "employment.department": "inv-department", "employment.job_title": "inv-job-title", locale: "inv-locale",
  };
  async function inviteOne(f, base) {
    const body = { ...base };
    for (const k of ["email", "phone", "first_name", "last_name", "shortcode"]) { const v = f[k].value.trim(); if (v) body[k] = v; }
    if (!body.email && !body.phone) {
      showErrors({ errors: [{ field: "email", message: t("console-contact-missing-field") }] }, f, $("invite-error"), FIELD_INPUT,
        t("console-contact-missing"));
      $("inv-email").focus();
      return;
    }
    try {
      const m = await C().call("POST", C().tenantPath("/invitations"), body);
      $("invite-dialog").close();
      toast(m.status === "scheduled" ? t("console-invite-scheduled", { name: name(m), time: formatTime(m.send_at) })
        : t(body.channels.length ? "console-invite-queued" : "console-invite-link-only", { name: name(m) }));
      if (m.existing_profile) {
        C().notice(t("console-invite-existing-profile", { name: name(m) }));
      }
      if (m.status !== "scheduled" && body.channels.length) C().followDelivery(m, t("console-invite-sent", { name: name(m) }));
      C().refresh(true);
    } catch (e) {
      const lead = e.code === "already_member" ? t("console-already-member")
        : e.code === "address_suppressed" ? t("console-address-blocked", { error: e.message }) : null;
      showErrors(e, f, $("invite-error"), FIELD_INPUT, lead);
    }
  }

  // ---- a pasted list --------------------------------------------------------------------------
  // The server's names for a CSV header's columns (shared/src/usecases/batch/rows.rs column()).
  const COLUMNS = {
    email: ["email", "e_mail", "email_address", "mail"], phone: ["phone", "mobile", "phone_number", "mobile_phone"],
    first_name: ["first_name", "firstname", "given_name", "name"], last_name: ["last_name", "lastname", "surname", "family_name"],
    role: ["role"], teams: ["teams", "team"], agent_ids: ["agent_ids", "agent_id", "agents"], products: ["products", "product"],
    shortcode: ["shortcode", "short_code"], department: ["department"], job_title: ["job_title", "title", "position"],
    locale: ["locale", "language", "lang"],
  };
  function column(cell) {
    const h = cell.trim().replace(/^"|"$/g, "").toLowerCase().replace(/[ -]/g, "_");
    return Object.keys(COLUMNS).find((k) => COLUMNS[k].includes(h)) || null;
  }
  const lines = (text) => text.split(/\r?\n/).filter((l) => l.trim());

  // Rows from a spreadsheet with a header row (two or more cells, one of them Email or Phone):
  // {delimiter, header}; otherwise null (one address a line).
  function spreadsheet(text) {
    const first = lines(text)[0] || "";
    const delimiter = ["\t", ";", ","].find((d) => first.includes(d));
    if (!delimiter) return null;
    const header = first.split(delimiter).map(column);
    if (!header.includes("email") && !header.includes("phone")) return null;
    return { delimiter, header };
  }

  // A pasted column: one address a line; a row's first cell holding an "@" or starting with
  // "+" (or its first cell), so a bad address still gets a row of its own and its own error.
  function pastedAddresses(text) {
    return lines(text).map((line) => {
      const cells = line.split(/[\t,;]/).map((c) => c.trim()).filter(Boolean);
      return cells.find((c) => c.includes("@") || /^\+\d/.test(c)) || cells[0] || "";
    }).filter((a) => a && !["email", "phone", "mobile"].includes(a.toLowerCase()));
  }

  // Columns a spreadsheet's rows lack that the form gives every row (the API takes no
  // employment defaults with CSV): added to each row. Null if the text has quoted cells.
  function withColumns(text, sheet, extra) {
    const missing = extra.filter(([key, , value]) => value && !sheet.header.includes(key));
    if (!missing.length) return text;
    if (text.includes('"')) return null;
    const d = sheet.delimiter;
    let header = true;
    return text.split(/\r?\n/).map((line) => {
      if (!line.trim()) return line;
      const cells = missing.map(([, title, value]) => (header ? title : value.replaceAll(d, " ")));
      header = false;
      return [line, ...cells].join(d);
    }).join("\n");
  }

  async function postCsv(path, text) {
    let res;
    try {
      res = await fetch(path, {
        method: "POST", body: text, credentials: "omit", referrerPolicy: "no-referrer",
        headers: { authorization: "Bearer " + C().state.token, "content-type": "text/csv; charset=utf-8" },
      });
    } catch (_) {
      throw new ApiError(0, { code: "network", detail: t("page-network-error") });
    }
    if (!res.ok) {
      const problem = await res.json().catch(() => null);
      const e = new ApiError(res.status, problem);
      if (e.code === "unauthenticated") C().signOut();
      throw e;
    }
    return res.json();
  }

  async function inviteMany(f, base) {
    const text = f.list.value;
    const box = $("invite-error");
    const sheet = spreadsheet(text);
    let r;
    let labels;
    try {
      if (sheet) {
        // Spreadsheet rows as CSV: the API reads the header; the form's choices are the defaults.
        const params = new URLSearchParams({ role: base.role, channels: base.channels.join(",") });
        for (const k of ["teams", "products"]) if (base[k]) params.set(k, base[k].join(","));
        for (const k of ["send_at", "timezone", "locale"]) if (base[k]) params.set(k, base[k]);
        const e = base.employment || {};
        const csv = withColumns(text, sheet, [["department", "Department", e.department], ["job_title", "Job title", e.job_title]]);
        if (csv === null) {
          box.textContent = t("console-add-columns");
          box.hidden = false;
          return;
        }
        const at = (cells, key) => (sheet.header.indexOf(key) >= 0 ? (cells[sheet.header.indexOf(key)] || "").trim() : "");
        labels = lines(text).slice(1).map((l) => l.split(sheet.delimiter))
          .filter((cells) => cells.some((c) => c.trim()))
          .map((cells) => at(cells, "email") || at(cells, "phone") || cells.join(" ").trim());
        r = await postCsv(C().tenantPath("/invitations/batch?" + params), csv);
      } else {
        labels = pastedAddresses(text);
        if (!labels.length) {
          showErrors({ errors: [{ field: "list", message: t("console-paste-one") }] }, f, box, { list: "inv-list" },
            t("console-paste-one"));
          return;
        }
        // Each row is sent on the chosen channels it has an address for.
        const invitees = labels.map((a) => {
          const row = /^\+\d/.test(a) ? { phone: a } : { email: a };
          const usable = base.channels.filter((c) => (c === "email" ? row.email : row.phone));
          if (usable.length) row.channels = usable;
          return row;
        });
        r = await C().call("POST", C().tenantPath("/invitations/batch"), { ...base, invitees });
      }
    } catch (e) {
      box.textContent = e.errors.length ? `${e.message} ${e.errors.map((x) => `${x.field}: ${x.message}`).join(" ")}` : e.message;
      box.hidden = false;
      return;
    }
    const reason = (x) => {
      const err = x.error || {};
      const first = err.errors && err.errors[0];
      if (first) return `${first.field.replace(/^invitees\[\d+\]\./, "")}: ${first.message}`;
      return err.detail || err.title || t("console-not-invited");
    };
    const created = r.results.filter((x) => x.status === "created").length;
    const known = r.results.filter((x) => x.status === "created" && x.member.existing_profile).length;
    $("invite-results").replaceChildren(...r.results.map((x) => {
      if (x.status !== "created") {
        return el("li", { class: "error", "data-index": x.index },
          t("console-batch-row-failed", { row: labels[x.index] || t("console-batch-row", { number: x.index + 1 }), reason: reason(x) }));
      }
      const m = x.member;
      const who = [name(m), m.email || m.phone].filter((v, i, all) => v && all.indexOf(v) === i).join(", ");
      return el("li", { class: "ok", "data-index": x.index },
        t(m.existing_profile ? "console-batch-row-invited-existing" : "console-batch-row-invited", { who, role: C().roleName(m.role) }));
    }));
    $("invite-results").scrollIntoView({ block: "nearest" });
    toast(C().plural("console-batch-invited-", r.results.length, { created }), created === r.results.length ? "ok" : "error");
    if (known) C().notice(C().plural("console-batch-existing-", known));
    if (created === r.results.length) $("invite-dialog").close();
    C().refresh(true);
  }

  // Once the catalogue is loaded (admin.js calls it): what these dialogs write themselves.
  function init() {
    fillPickers();
    fillZones();
  }
  window.ConsoleMembers = { init, reinvite, details, edit };
})();
