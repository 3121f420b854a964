// Every page and every console dialog in Arabic, right to left: the text comes from the
// catalogue (Arabic letters in each heading), <html dir="rtl">, axe finds no serious or critical
// violation, and a screenshot of each (target/screenshots/ar-*.png). With the English runs of
// the other files, each page and dialog is tested in at least two languages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ADMIN, PASSWORD, SHOTS, newPage, start } from "./support.mjs";
import { assertAccessible } from "./a11y.mjs";

let base, browser, tenant, stop, ar;
const ARABIC = /[\u0600-\u06FF]/;

before(async () => {
  ({ base, browser, tenant, stop } = await start("arabic"));
  ar = (await (await fetch(`${base}/i18n/ar.json`)).json()).messages;
});

after(async () => { await stop?.(); });

async function adminApi(method, path, body) {
  const res = await fetch(`${base}/v1/tenants/${tenant.id}${path}`, {
    method, headers: { authorization: "Bearer " + tenant.token, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function arabicPage() {
  return newPage(browser, { locale: "ar", timezoneId: "Asia/Dubai" });
}

async function rightToLeft(page, what) {
  await page.waitForFunction(() => document.documentElement.dir === "rtl" && document.documentElement.lang === "ar");
  await assertAccessible(page, what);
}

// A dialog open, in Arabic, accessible; then closed with its own button.
async function dialogInArabic(page, selector, name, close) {
  const dialog = page.locator(selector);
  await dialog.waitFor();
  // Its words are Arabic (the details dialog's heading is the member's name: its labels are).
  const words = await dialog.evaluate((d) => [...d.querySelectorAll("h2, label, dt, th, button")].map((e) => e.textContent).join(" "));
  assert.match(words, ARABIC, `${name}: ${words}`);
  assert.doesNotMatch(words, /\b(Close|Cancel|Save|Send)\b/, `${name} keeps English buttons`);
  await assertAccessible(page, `${name} in Arabic`, selector);
  await page.screenshot({ path: join(SHOTS, `ar-${name}.png`) });
  await page.locator(close).click();
  await dialog.waitFor({ state: "hidden" });
}

test("every console dialog speaks Arabic, right to left, and is accessible", async () => {
  const invited = await adminApi("POST", "/invitations", { email: "rtl@example.com", first_name: "Rania", last_name: "Haddad" });
  assert.equal(invited.status, 201);
  const page = await arabicPage();
  await page.goto(base + "/admin");
  await rightToLeft(page, "the console's sign-in in Arabic");
  await page.locator("#signin-email").fill(ADMIN.email);
  await page.locator("#signin-password").fill(ADMIN.password);
  await page.locator("#signin-password").press("Enter");
  await page.locator("#console").waitFor();
  await page.locator(`tr[data-email="rtl@example.com"]`).waitFor();
  await rightToLeft(page, "the console in Arabic");

  const action = (id) => page.locator(`tr[data-email="rtl@example.com"] button`).getByText(ar[id], { exact: true });
  await page.locator("#open-invite").click();
  await dialogInArabic(page, "#invite-dialog", "invite", "#invite-cancel");
  await action("console-reinvite").click();
  await dialogInArabic(page, "#reinvite-dialog", "reinvite", "#reinvite-cancel");
  await action("console-edit").click();
  await dialogInArabic(page, "#edit-dialog", "edit", "#edit-cancel");
  await page.locator(`tr[data-email="rtl@example.com"] button.linklike`).click();
  await dialogInArabic(page, "#details-dialog", "details", "#details-close");
  await action("console-history").click();
  await dialogInArabic(page, "#show-dialog", "history", "#show-close");
  await action("console-copy-link").click();
  await dialogInArabic(page, "#show-dialog", "link", "#show-close");
  await page.locator("#open-settings").click();
  await dialogInArabic(page, "#settings-dialog", "settings", "#settings-cancel");
  await page.locator("#open-audit").click();
  await dialogInArabic(page, "#audit-dialog", "audit", "#audit-close");
  await page.locator("#open-suppressions").click();
  await dialogInArabic(page, "#suppressions-dialog", "blocked", "#suppressions-close");
  assert.deepEqual(page.errors, []);
});

test("the reset, sign-in, quick access code and sign-up pages speak Arabic, right to left", async () => {
  const page = await arabicPage();
  for (const [path, name, heading] of [
    ["/reset", "reset", "#ask h1"],
    ["/sign-in", "sign-in", "#start h1"],
    ["/sign-in#code", "access-code", "#code h1"],
    ["/sign-up", "sign-up", "#phone-step h1"],
  ]) {
    await page.goto(base + path);
    await rightToLeft(page, `the ${name} page in Arabic`);
    assert.match(await page.locator(heading).textContent(), ARABIC, name);
    await page.screenshot({ path: join(SHOTS, `ar-${name}.png`) });
    await page.goto("about:blank");
  }
  // A reset link in Arabic: the new-password step.
  await page.goto(`${base}/reset#token=not-a-real-token`);
  await rightToLeft(page, "the reset page's new password step in Arabic");
  assert.match(await page.locator("#choose h1").textContent(), ARABIC);
  await page.locator("#new_password").fill(PASSWORD);
  await page.locator("#choose-button").click();
  await page.locator("#state-invalid").waitFor();
  await assertAccessible(page, "an invalid reset link in Arabic");
  assert.deepEqual(page.errors, []);
});
