// The password-reset page: without a token it asks for one by email; with a token (in the
// fragment, never sent to a server log) it sets the new password.
"use strict";

(function () {
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  if (location.hash) history.replaceState(null, "", location.pathname);
  const sections = ["ask", "asked", "choose", "state-done", "state-invalid", "state-expired"];
  const show = (id) => showSection(sections, id);
  function failed(box, e) {
    box.textContent = e.code === "weak_password" ? I18n.t("page-weak-password")
      : e.errors.length ? e.errors.map((f) => f.message).join(" ") : e.message;
    box.hidden = false;
  }

  document.getElementById("ask-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = document.getElementById("ask-error");
    box.hidden = true;
    const email = event.target.email.value.trim();
    if (!email) { box.textContent = I18n.t("page-reset-enter-email"); box.hidden = false; return; }
    try {
      await api("POST", "/v1/password-resets", { body: { email, locale: I18n.locale } });
      document.getElementById("asked-email").textContent = email;
      show("asked");
    } catch (e) { failed(box, e); }
  });

  document.getElementById("choose-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = document.getElementById("choose-error");
    box.hidden = true;
    try {
      await api("POST", "/v1/password-resets/confirm", { body: { token, new_password: event.target.new_password.value } });
      show("state-done");
    } catch (e) {
      if (e.code === "reset_invalid") show("state-invalid");
      else if (e.code === "reset_expired") show("state-expired");
      else failed(box, e);
    }
  });

  // A reset link opened in this same tab: start again with its token.
  window.addEventListener("hashchange", () => location.reload());
  show(token ? "choose" : "ask");
  I18n.load(navigator.languages || [navigator.language]);
})();
