// The accept page: the token rides in the fragment (#token=...), so it never reaches a server log
// or a Referer. Opening the page only previews; only the form's POST consumes the invitation.
"use strict";

(function () {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token");
  // Keep the token out of the history and of anything copied from the address bar.
  if (location.hash) history.replaceState(null, "", location.pathname);

  const sections = ["loading", "invitation", "state-success", "state-expired", "state-used", "state-invalid", "state-proof", "state-error"];
  const show = (id) => showSection(sections, id);
  function fill(data) {
    for (const node of document.querySelectorAll("[data-field]")) {
      const key = node.dataset.field;
      if (key === "expires") node.textContent = `${relativeTime(data.expires_at)} (${formatTime(data.expires_at)})`;
      else if (key === "role") node.textContent = I18n.t("page-role-" + data.role, {}, (data.role || "").replace("_", " "));
      else if (data[key] !== undefined && data[key] !== null) node.textContent = data[key];
    }
  }
  function stateFor(error) {
    switch (error.code) {
      case "invitation_expired": return "state-expired";
      case "invitation_used": return "state-used";
      case "invitation_invalid": case "validation_failed": return "state-invalid";
      case "proof_required": return "state-proof";
      default: return "state-error";
    }
  }

  // An expired link: the tenant may renew it (at once, or once an admin agrees).
  function offerRenewal(error) {
    const mode = error.problem.renewal;
    if (error.code !== "invitation_expired" || !["automatic", "approval"].includes(mode)) return;
    document.getElementById("expired-ask").hidden = true;
    document.getElementById("renewal-offer").textContent = I18n.t("page-accept-renew-" + mode);
    document.getElementById("renewal").hidden = false;
  }
  const renewButton = document.getElementById("renew-button");
  renewButton.addEventListener("click", async () => {
    const result = document.getElementById("renewal-result");
    renewButton.disabled = true;
    try {
      const done = await api("POST", "/v1/invitations/renew", { body: { token } });
      result.textContent = I18n.t("page-accept-renewed-" + done.renewal);
      renewButton.hidden = true;
    } catch (e) {
      renewButton.disabled = false;
      if (e.code === "rate_limited") { result.textContent = I18n.t("page-accept-renew-limited"); renewButton.hidden = true; }
      else if (e.code === "renewal_off") result.textContent = I18n.t("page-accept-renew-off");
      else result.textContent = e.message;
    }
  });

  // The tenant's language and branding. The accent colours the buttons and links only when it
  // reads on white at 4.5:1 (WCAG AA); otherwise it is a band at the top of the card.
  function luminance(hex) {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function brand(p) {
    const root = document.documentElement;
    const b = p.branding || {};
    if (/^#[0-9a-fA-F]{6}$/.test(b.accent_color || "")) {
      root.style.setProperty("--accent", b.accent_color);
      document.getElementById("card").classList.add("branded");
      if (1.05 / (luminance(b.accent_color) + 0.05) >= 4.5) root.style.setProperty("--brand", b.accent_color);
    }
    if (/^https:\/\//.test(b.logo_url || "")) {
      const logo = document.getElementById("brand-logo");
      logo.src = b.logo_url;
      logo.alt = p.tenant_name || "";
      logo.referrerPolicy = "no-referrer";
      logo.hidden = false;
    }
  }

  let preview = null;
  async function load() {
    // The browser's language until the invitation says its own.
    await I18n.load(navigator.languages || [navigator.language]);
    if (!token) { show("state-invalid"); return; }
    try {
      preview = await api("POST", "/v1/invitations/preview", { body: { token } });
    } catch (e) {
      offerRenewal(e);
      show(stateFor(e));
      return;
    }
    if (preview.locale) await I18n.load(preview.locale);
    fill(preview);
    brand(preview);
    const existing = !!preview.existing_profile;
    document.getElementById("existing-note").hidden = !existing;
    document.getElementById("name-fields").hidden = existing;
    for (const id of ["first_name", "last_name"]) document.getElementById(id).required = !existing;
    document.getElementById("password-label").textContent = I18n.t(existing ? "page-accept-existing-password" : "page-accept-choose-password");
    document.getElementById("password").autocomplete = existing ? "current-password" : "new-password";
    document.getElementById("password-hint").hidden = existing;
    document.getElementById("forgot-hint").hidden = !existing;
    show("invitation");
  }

  const form = document.getElementById("accept-form");
  const errorBox = document.getElementById("form-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errorBox.hidden = true;
    for (const old of form.querySelectorAll(".field-error")) old.remove();
    const body = { token, password: form.password.value };
    if (!preview.existing_profile) {
      body.first_name = form.first_name.value.trim();
      body.last_name = form.last_name.value.trim();
      const missing = ["first_name", "last_name"].filter((k) => !body[k]);
      if (missing.length) {
        for (const k of missing) fieldError(k, I18n.t("page-fill-in"));
        return;
      }
    }
    const button = document.getElementById("accept-button");
    button.disabled = true;
    try {
      await api("POST", "/v1/invitations/accept", { body });
      show("state-success");
    } catch (e) {
      if (["invitation_expired", "invitation_used", "invitation_invalid", "proof_required"].includes(e.code)) { offerRenewal(e); show(stateFor(e)); return; }
      if (e.code === "invalid_credentials") showError(I18n.t("page-accept-wrong-password"));
      else if (e.code === "too_many_attempts") showError(I18n.t("page-accept-too-many"));
      else if (e.code === "weak_password") showError(I18n.t("page-weak-password"));
      else if (e.errors.length) for (const f of e.errors) fieldError(f.field, f.message);
      else showError(e.message);
    } finally {
      button.disabled = false;
    }
  });
  function showError(text) { errorBox.textContent = text; errorBox.hidden = false; }
  function fieldError(field, message) {
    const input = form.elements[field];
    if (!input) { showError(message); return; }
    input.setAttribute("aria-invalid", "true");
    input.after(el("p", { class: "field-error" }, message));
  }

  // Another invitation link opened in this same tab: start again with its token.
  window.addEventListener("hashchange", () => location.reload());
  load();
})();
