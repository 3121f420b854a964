// The sign-in page: a password, a code sent to the person's own email or phone, or a quick
// access code read out by staff (whose session reaches that one tenant).
"use strict";

(function () {
  const sections = ["start", "code", "signed-in"];
  const show = (id) => showSection(sections, id);
  // An address as the API takes it: a phone when it starts with + (or is only digits).
  function address() {
    const raw = (document.getElementById("address").value || document.getElementById("code-address-input").value).trim();
    return /^[+0-9][0-9 ()-]*$/.test(raw) && !raw.includes("@") ? { phone: raw } : { email: raw };
  }
  function failed(box, e) {
    box.textContent = e.code === "invalid_credentials" ? I18n.t("page-signin-wrong")
      : e.code === "too_many_attempts" ? I18n.t("page-signin-too-many")
      : e.code === "proof_required" ? I18n.t("page-signin-proof")
      : e.errors.length ? e.errors.map((f) => f.message).join(" ") : e.message;
    box.hidden = false;
  }
  function signedIn(session) {
    const list = document.getElementById("memberships");
    list.replaceChildren(...session.memberships.map((m) => el("li", {}, `${m.tenant_name}: ${I18n.t("page-role-" + m.role, {}, m.role.replace("_", " "))}`)));
    const scoped = session.scope && session.memberships.find((m) => m.tenant_id === session.scope.tenant);
    document.getElementById("scope-note").hidden = !scoped;
    if (scoped) document.getElementById("scope-tenant").textContent = scoped.tenant_name;
    show("signed-in");
  }
  const startBox = document.getElementById("start-error");
  document.getElementById("start-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    startBox.hidden = true;
    try {
      signedIn(await api("POST", "/v1/sessions", { body: { ...address(), password: event.target.password.value } }));
    } catch (e) { failed(startBox, e); }
  });
  document.getElementById("code-button").addEventListener("click", async () => {
    startBox.hidden = true;
    try {
      await api("POST", "/v1/sign-in-codes", { body: { ...address(), locale: I18n.locale } });
      document.getElementById("code-address").textContent = document.getElementById("address").value.trim();
      document.getElementById("code-sent").hidden = false;
      show("code");
    } catch (e) { failed(startBox, e); }
  });
  // A quick access code handed over by staff: typed here, or straight away at /sign-in#code.
  function haveCode() {
    document.getElementById("code-sent").hidden = true;
    document.getElementById("code-address-box").hidden = !!document.getElementById("address").value.trim();
    show("code");
  }
  document.getElementById("have-code-button").addEventListener("click", haveCode);
  document.getElementById("code-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = document.getElementById("code-error");
    box.hidden = true;
    try {
      signedIn(await api("POST", "/v1/sessions", { body: { ...address(), code: event.target.code.value } }));
    } catch (e) { failed(box, e); }
  });
  if (location.hash === "#code") haveCode();
  I18n.load(navigator.languages || [navigator.language]);
})();
