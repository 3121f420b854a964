// Phone sign-up: a person whose mobile number was invited asks for a texted code, then sets a
// password and, with their consent (recorded on the profile), joins every organisation that
// invited the number.
"use strict";

(function () {
  const sections = ["phone-step", "code-step", "joined"];
  const show = (id) => showSection(sections, id);
  function failed(box, e) {
    box.textContent = e.code === "invalid_credentials" ? I18n.t("page-signin-wrong")
      : e.code === "too_many_attempts" ? I18n.t("page-signin-too-many")
      : e.code === "already_registered" ? I18n.t("page-signup-registered")
      : e.code === "weak_password" ? I18n.t("page-weak-password")
      : e.errors.length ? e.errors.map((f) => f.message).join(" ") : e.message;
    box.hidden = false;
  }
  const phone = () => document.getElementById("phone").value.trim();

  document.getElementById("phone-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = document.getElementById("phone-error");
    box.hidden = true;
    if (!phone()) { box.textContent = I18n.t("page-fill-in"); box.hidden = false; return; }
    try {
      await api("POST", "/v1/signup/phone", { body: { phone: phone(), locale: I18n.locale } });
      document.getElementById("sent-to").textContent = phone();
      show("code-step");
    } catch (e) { failed(box, e); }
  });

  document.getElementById("code-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = event.target;
    const box = document.getElementById("code-error");
    box.hidden = true;
    if (!f.consent.checked) {
      box.textContent = I18n.t("page-signup-consent-needed");
      box.hidden = false;
      f.consent.focus();
      return;
    }
    try {
      const joined = await api("POST", "/v1/signup/phone/verify", { body: {
        phone: phone(), code: f.code.value.trim(), first_name: f.first_name.value.trim(),
        last_name: f.last_name.value.trim(), password: f.password.value, consent: true,
      } });
      const list = document.getElementById("memberships");
      list.replaceChildren(...joined.memberships.map((m) => el("li", {}, `${m.tenant_name}: ${I18n.t("page-role-" + m.role, {}, m.role)}`)));
      document.getElementById("none-joined").hidden = joined.memberships.length > 0;
      show("joined");
    } catch (e) { failed(box, e); }
  });

  I18n.load(navigator.languages || [navigator.language]);
})();
