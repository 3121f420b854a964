// The admin console's settings dialog, audit trail, member history and the blocked (suppressed)
// addresses (admin.js exposes what they share as window.Console). Every value from the API is
// put on the page as text; the console's own texts are `console-` messages of the catalogue (I18n.t).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const C = () => window.Console;
  // A list typed with commas (the Arabic comma too) or semicolons, or one a line.
  const list = (s) => s.split(/[,،;\n]/).map((x) => x.trim()).filter(Boolean);
  const t = (id, args, fallback) => I18n.t(id, args, fallback);

  // ---- settings -------------------------------------------------------------------------------
  const form = $("settings-form");
  const errorBox = $("settings-error");
  let loaded = null;

  $("open-settings").addEventListener("click", async () => {
    errorBox.hidden = true;
    for (const old of form.querySelectorAll(".field-error")) old.remove();
    try {
      loaded = await C().call("GET", C().tenantPath("/settings"));
    } catch (e) { toast(e.message, "error"); return; }
    form.name.value = loaded.name;
    form.locale.value = loaded.locale;
    form.invitation_ttl_hours.value = loaded.invitation_ttl_hours;
    form.renewal.value = loaded.renewal;
    form.allowed_email_domains.value = loaded.allowed_email_domains.join(", ");
    form.sms_countries.value = loaded.sms_countries.join(", ");
    const b = loaded.branding || {};
    form.sender_name.value = b.sender_name || "";
    form.reply_to.value = b.reply_to || "";
    form.accent_color.value = b.accent_color || "";
    form.logo_url.value = b.logo_url || "";
    $("set-products").textContent = t("console-settings-products", { products: loaded.products.join(", ") || t("console-settings-products-none") });
    $("settings-dialog").showModal();
  });
  $("settings-cancel").addEventListener("click", () => $("settings-dialog").close());

  // The form's name for each field an error names.
  const FIELD_INPUTS = {
    name: "name", locale: "locale", invitation_ttl_hours: "invitation_ttl_hours", renewal: "renewal",
    allowed_email_domains: "allowed_email_domains", sms_countries: "sms_countries",
    "branding.sender_name": "sender_name", "branding.reply_to": "reply_to",
    "branding.accent_color": "accent_color", "branding.logo_url": "logo_url",
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errorBox.hidden = true;
    for (const old of form.querySelectorAll(".field-error")) old.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    const orNull = (v) => (v.trim() ? v.trim() : null);
    const body = {
      name: form.name.value.trim(),
      locale: form.locale.value,
      invitation_ttl_hours: Number(form.invitation_ttl_hours.value),
      renewal: form.renewal.value,
      allowed_email_domains: list(form.allowed_email_domains.value),
      sms_countries: list(form.sms_countries.value),
      branding: {
        sender_name: orNull(form.sender_name.value),
        reply_to: orNull(form.reply_to.value),
        accent_color: orNull(form.accent_color.value),
        logo_url: orNull(form.logo_url.value),
      },
    };
    try {
      await C().call("PATCH", C().tenantPath("/settings"), body);
      $("settings-dialog").close();
      toast(t("console-settings-saved"));
      if (body.name !== loaded.name) $("tenant-name").textContent = body.name;
    } catch (e) {
      if (!e.errors.length) { errorBox.textContent = e.message; errorBox.hidden = false; return; }
      for (const f of e.errors) {
        const key = FIELD_INPUTS[f.field.replace(/\[\d+\]$/, "")];
        const input = key && form.elements[key];
        if (!input) { errorBox.textContent = `${f.field}: ${f.message}`; errorBox.hidden = false; continue; }
        input.setAttribute("aria-invalid", "true");
        input.after(el("p", { class: "field-error" }, f.message));
      }
    }
  });

  // ---- audit trail ----------------------------------------------------------------------------
  // The actions the audit trail records, each named by a message: "member.invited" is
  // console-audit-action-member-invited (an action the console does not know yet shows as it is).
  const ACTIONS = [
    "member.invited", "invitation.sent", "invitation.failed", "invitation.delivered", "invitation.bounced",
    "invitation.complained", "invitation.link_minted", "access_code.issued", "member.reinvited", "member.cancelled",
    "member.deactivated", "member.reactivated", "member.updated", "member.accepted", "invitation.renewal_requested",
    "session.signed_in", "session.sign_in_failed", "password.changed", "settings.updated", "members.exported",
    "suppression.cleared", "tenant.created", "tenant.updated",
  ];
  const actionName = (action) => t("console-audit-action-" + action.replaceAll(".", "-"), {}, action);
  const audit = { cursor: null, query: "" };

  function filters() {
    const f = $("audit-filters");
    const params = new URLSearchParams();
    if (f.action.value) params.set("action", f.action.value);
    for (const k of ["since", "until"]) {
      if (f[k].value) params.set(k, new Date(f[k].value).toISOString());
    }
    return params;
  }

  function describe(changes) {
    const items = Object.entries(changes || {}).map(([field, [before, after]]) => {
      const show = (v) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
      return el("li", {}, `${field}: ${show(before)} → ${show(after)}`);
    });
    return items.length ? el("ul", { class: "changes" }, ...items) : "";
  }

  function entryRow(e, withTarget = true) {
    const who = e.actor ? e.actor.name || e.actor.user_id : t("console-audit-system");
    const target = e.target ? e.target.email || e.target.user_id : "";
    return el("tr", { "data-action": e.action },
      el("td", {}, formatTime(e.at)),
      el("td", {}, actionName(e.action)),
      el("td", {}, who),
      withTarget ? el("td", {}, target) : null,
      el("td", {}, describe(e.changes)));
  }

  async function loadAudit(more) {
    if (!more) { audit.cursor = null; audit.query = filters().toString(); $("audit-rows").replaceChildren(); }
    const params = new URLSearchParams(audit.query);
    params.set("limit", "50");
    if (audit.cursor) params.set("cursor", audit.cursor);
    let page;
    try {
      page = await C().call("GET", C().tenantPath("/audit?" + params));
    } catch (e) { toast(e.message, "error"); return; }
    $("audit-rows").append(...page.items.map((e) => entryRow(e)));
    if (!$("audit-rows").children.length && !page.next_cursor) {
      $("audit-rows").append(el("tr", {}, el("td", { colspan: 5, class: "empty" }, t("console-audit-empty"))));
    }
    audit.cursor = page.next_cursor;
    $("audit-more").disabled = !audit.cursor;
  }

  $("open-audit").addEventListener("click", () => { $("audit-dialog").showModal(); loadAudit(false); });
  $("audit-filters").addEventListener("change", () => loadAudit(false));
  $("audit-more").addEventListener("click", () => loadAudit(true));
  $("audit-close").addEventListener("click", () => $("audit-dialog").close());
  $("audit-csv").addEventListener("click", async () => {
    try {
      const res = await api("GET", C().tenantPath("/audit.csv?" + filters()), { token: C().state.token, accept: "text/csv" });
      const url = URL.createObjectURL(await res.blob());
      const a = el("a", { href: url, download: "audit.csv" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) { toast(e.message, "error"); }
  });

  // ---- a member's history ---------------------------------------------------------------------
  async function history(m) {
    let page;
    try {
      page = await C().call("GET", C().userPath(m, "/history?limit=100"));
    } catch (e) { toast(e.message, "error"); return; }
    const rows = page.items.map((e) => entryRow(e, false));
    const table = el("table", { id: "history-table" },
      el("thead", {}, el("tr", {}, el("th", {}, t("console-audit-when")), el("th", {}, t("console-audit-what")),
        el("th", {}, t("console-audit-by")), el("th", {}, t("console-audit-changes")))),
      el("tbody", {}, ...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 4, class: "empty" }, t("console-history-empty")))])));
    C().showDialog(t("console-history-title", { name: C().displayName(m) }), table);
  }

  // ---- blocked addresses (the suppression list) ----------------------------------------------
  const reasonName = (reason) => t("console-blocked-reason-" + reason, {}, reason);
  let blockedCursor = null;
  async function loadBlocked(more) {
    if (!more) { blockedCursor = null; $("suppressions-rows").replaceChildren(); }
    const params = new URLSearchParams({ limit: "50" });
    if (blockedCursor) params.set("cursor", blockedCursor);
    let page;
    try {
      page = await C().call("GET", C().tenantPath("/suppressions?" + params));
    } catch (e) { toast(e.message, "error"); return; }
    $("suppressions-rows").append(...page.items.map((s) => el("tr", { "data-address": s.address },
      el("td", {}, s.address),
      el("td", {}, reasonName(s.reason), s.detail ? el("span", { class: "sub" }, s.detail) : null),
      el("td", {}, formatTime(s.at)),
      el("td", {}, el("button", {
        type: "button", class: "secondary small", "aria-label": t("console-clear-address", { address: s.address }), onclick: () => clearBlocked(s.address),
      }, t("console-clear"))))));
    if (!$("suppressions-rows").children.length) {
      $("suppressions-rows").append(el("tr", {}, el("td", { colspan: 4, class: "empty" }, t("console-blocked-empty"))));
    }
    blockedCursor = page.next_cursor;
    $("suppressions-more").disabled = !blockedCursor;
  }
  async function clearBlocked(address) {
    if (!confirm(t("console-clear-confirm", { address }))) return;
    try {
      await C().call("DELETE", C().tenantPath(`/suppressions/${encodeURIComponent(address)}`));
      toast(t("console-cleared", { address }));
      await loadBlocked(false);
      $("suppressions-close").focus();
    } catch (e) { toast(e.message, "error"); }
  }
  $("open-suppressions").addEventListener("click", () => { $("suppressions-dialog").showModal(); loadBlocked(false); });
  $("suppressions-more").addEventListener("click", () => loadBlocked(true));
  $("suppressions-close").addEventListener("click", () => $("suppressions-dialog").close());

  // Once the catalogue is loaded (admin.js calls it): the settings' languages, the audit's actions.
  function init() {
    $("set-locale").replaceChildren(...Object.entries(C().LANGUAGES).map(([value, n]) => el("option", { value, lang: value }, n)));
    $("audit-action").append(...ACTIONS.map((value) => el("option", { value }, actionName(value))));
  }
  window.ConsoleTrail = { init, history };
})();
