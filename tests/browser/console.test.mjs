// The admin console in a real browser, as a new admin would use it: reinvite with a choice of
// channels, the details view, the invite form's every field (one person or spreadsheet rows),
// the edit form, copy link, print, paging, bulk actions and the CSV export. Playwright
// (playwright-core) drives Debian's Chromium against the local server (target/debug/local, on a
// free loopback port with its own data folder). Screenshots go to target/screenshots/console-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN, PASSWORD, SHOTS, newPage as openPage, signIn as signInAt, start } from "./support.mjs";
import { assertAccessible } from "./a11y.mjs";

let base, browser, tenant, stop;

async function http(method, path, body) {
  const res = await fetch(base + path, {
    method, headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function adminApi(method, path, body) {
  const res = await fetch(base + `/v1/tenants/${tenant.id}` + path, {
    method, headers: { authorization: "Bearer " + tenant.token, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}
const invite = async (body) => {
  const r = await adminApi("POST", "/invitations", body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
};
const member = async (id) => (await adminApi("GET", `/users/${id}`)).body;
const find = async (q) => (await adminApi("GET", `/users?q=${encodeURIComponent(q)}&tab=all`)).body.items;

async function outbox(to) {
  const r = await http("GET", "/dev/outbox?to=" + encodeURIComponent(to));
  return r.body.messages;
}
async function eventually(what, check) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(what);
}

before(async () => {
  ({ base, tenant, browser, stop } = await start("console"));
});

after(async () => { await stop?.(); });

const newPage = (viewport = { width: 1280, height: 860 }) => openPage(browser, { viewport, timezoneId: "Europe/Madrid" });

const signIn = (page) => signInAt(page, base);

const row = (page, email) => page.locator(`tr[data-email="${email}"]`);
const badge = (page, email) => row(page, email).locator(".badge").first();
const toastSays = (page, text) => page.locator("#toast").filter({ hasText: text }).waitFor();
// Types in the search box (labelled `label`: the console may speak another language) and waits
// for the rows that answer it.
async function search(page, q, label = "Search") {
  await page.getByLabel(label, { exact: true }).fill(q);
  await page.locator(`#users[data-query="${q}"][aria-busy="false"]`).waitFor();
}
async function openInvite(page) {
  await page.getByRole("button", { name: "Invite users" }).click();
  const dialog = page.locator("#invite-dialog");
  await dialog.waitFor();
  return dialog;
}

test("a link-only member is sent the invitation by email from the console's reinvite dialog", async () => {
  const page = await newPage();
  await signIn(page);
  await assertAccessible(page, "the console");
  await page.screenshot({ path: join(SHOTS, "console-list.png"), fullPage: true });

  // Invited with no channel: the console says so, and nothing is sent.
  const dialog = await openInvite(page);
  await dialog.getByLabel("First name").fill("Lina");
  await dialog.getByLabel("Last name").fill("Link");
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill("lina.link@example.com");
  await dialog.getByRole("checkbox", { name: "Email" }).uncheck();
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await toastSays(page, "Lina Link was invited: copy the link");
  await search(page, "lina");
  await badge(page, "lina.link@example.com").filter({ hasText: "invited" }).waitFor();
  assert.equal((await outbox("lina.link@example.com")).length, 0);

  // Reinvite: a dialog that offers email (she has no phone), pre-checked.
  await row(page, "lina.link@example.com").getByRole("button", { name: /^Reinvite/ }).click();
  const reinvite = page.locator("#reinvite-dialog");
  await reinvite.waitFor();
  const byEmail = reinvite.getByRole("checkbox", { name: /Email \(lina\.link@example\.com\)/ });
  assert.equal(await byEmail.isChecked(), true, "email is chosen when she was sent nothing before");
  assert.equal(await reinvite.getByRole("checkbox", { name: /SMS/ }).count(), 0, "no SMS without a phone");
  await assertAccessible(page, "the reinvite dialog", "#reinvite-dialog");
  // With no channel, the dialog says nothing will be sent.
  await byEmail.uncheck();
  await reinvite.getByText("No message will be sent").waitFor();
  assert.equal((await reinvite.locator("#reinvite-submit").textContent()).trim(), "Renew the link without sending");
  await byEmail.check();
  await page.screenshot({ path: join(SHOTS, "console-reinvite-dialog.png") });
  await reinvite.getByRole("button", { name: "Send invitation" }).click();
  await toastSays(page, "new invitation to Lina Link is queued (Email)");
  await eventually("the email went out", async () => (await outbox("lina.link@example.com")).length === 1);
  const [mail] = await outbox("lina.link@example.com");
  assert.equal(mail.channel, "email");
  assert.match(mail.text, /#token=/);
  await row(page, "lina.link@example.com").locator('[data-channel="email"][data-delivery="sent"]').waitFor();

  // Renewing without sending says that no message is sent.
  await row(page, "lina.link@example.com").getByRole("button", { name: /^Reinvite/ }).click();
  await reinvite.getByRole("checkbox", { name: /Email/ }).uncheck();
  await reinvite.getByRole("button", { name: "Renew the link without sending" }).click();
  await toastSays(page, "no message is sent");
  assert.equal((await outbox("lina.link@example.com")).length, 1);
  assert.deepEqual(page.errors, []);
});

test("the reinvite dialog offers SMS for a member with a phone, pre-checked with the last channels", async () => {
  const m = await invite({ email: "sam.sms@example.com", phone: "+34 612 000 111", first_name: "Sam", last_name: "Sms", channels: ["email"] });
  const page = await newPage();
  await signIn(page);
  await search(page, "sam");
  await row(page, "sam.sms@example.com").getByRole("button", { name: /^Reinvite/ }).click();
  const reinvite = page.locator("#reinvite-dialog");
  const byEmail = reinvite.getByRole("checkbox", { name: /^Email/ });
  const bySms = reinvite.getByRole("checkbox", { name: "SMS (+34612000111)" });
  assert.equal(await byEmail.isChecked(), true, "last sent by email");
  assert.equal(await bySms.isChecked(), false);
  await bySms.check();
  await byEmail.uncheck();
  await reinvite.getByRole("button", { name: "Send invitation" }).click();
  await toastSays(page, "queued (SMS)");
  await eventually("the SMS went out", async () => (await outbox("+34612000111")).length === 1);
  assert.equal((await outbox("+34612000111"))[0].channel, "sms");
  assert.equal((await outbox("sam.sms@example.com")).length, 1, "no second email");
  assert.deepEqual(Object.keys((await member(m.id)).delivery), ["sms"]);
  assert.deepEqual(page.errors, []);
});

test("an invitation by SMS, and a team leader with teams, from the invite form", async () => {
  const page = await newPage();
  await signIn(page);
  let dialog = await openInvite(page);
  await assertAccessible(page, "the invite dialog", "#invite-dialog");
  // Email and phone are both marked required until one is given.
  const email = dialog.getByRole("textbox", { name: "Email", exact: true });
  const phone = dialog.getByRole("textbox", { name: "Mobile phone" });
  assert.equal(await email.getAttribute("aria-required"), "true");
  assert.equal(await phone.getAttribute("aria-required"), "true");
  // Neither: the form says what is missing and sends nothing.
  await dialog.getByLabel("First name").fill("Tomás");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await dialog.locator(".field-error").filter({ hasText: "email address or a mobile phone" }).waitFor();
  await assertAccessible(page, "the invite dialog with a field error", "#invite-dialog");
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  await dialog.getByLabel("Last name").fill("Texto");
  await phone.fill("+34 622 333 444");
  assert.equal(await email.getAttribute("aria-required"), "false");
  assert.equal(await dialog.getByRole("checkbox", { name: "SMS" }).isChecked(), true, "a phone alone is texted");
  assert.equal(await dialog.getByRole("checkbox", { name: "Email" }).isChecked(), false);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await toastSays(page, "Invitation sent to Tomás Texto");
  const [sms] = await outbox("+34622333444");
  assert.equal(sms.channel, "sms");
  assert.match(sms.text, /Hotel Sol/);
  await page.locator('tr[data-phone="+34622333444"] [data-channel="sms"][data-delivery="sent"]').waitFor();

  // A team leader needs teams: the field appears, marked required.
  dialog = await openInvite(page);
  await dialog.getByLabel("First name").fill("Tere");
  await dialog.getByLabel("Last name").fill("Lead");
  await email.fill("tere.lead@example.com");
  await dialog.getByLabel("Role").selectOption("team_leader");
  const teams = dialog.getByLabel("Teams");
  assert.equal(await teams.getAttribute("aria-required"), "true");
  assert.equal(await dialog.getByLabel("Agent ids").isVisible(), false);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await dialog.locator(".field-error").filter({ hasText: "team" }).waitFor();
  await teams.fill("Front desk, Night shift");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await toastSays(page, "Invitation sent to Tere Lead");
  await search(page, "tere");
  await row(page, "tere.lead@example.com").getByText("Front desk, Night shift").waitFor();
  const [tere] = await find("tere");
  assert.equal(tere.role, "team_leader");
  assert.deepEqual(tere.teams, ["Front desk", "Night shift"]);
  assert.deepEqual(page.errors, []);
});

test("the invite form's shortcode, employment and language; the existing-profile notice", async () => {
  // Omar already has a profile: he is the admin of another organisation.
  const other = await http("POST", "/dev/tenants", {
    name: "Hotel Luna", admin: { email: "omar@luna.example", password: PASSWORD, first_name: "Omar", last_name: "Luna" },
  });
  assert.equal(other.status, 201);
  const page = await newPage();
  await signIn(page);
  const dialog = await openInvite(page);
  await dialog.getByLabel("First name").fill("Omar");
  await dialog.getByLabel("Last name").fill("Luna");
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill("omar@luna.example");
  await dialog.getByLabel("Shortcode").fill("OML");
  await dialog.getByLabel("Department").fill("Reception");
  await dialog.getByLabel("Job title").fill("Night manager");
  const language = dialog.getByLabel("Language");
  assert.deepEqual(await language.locator("option").allTextContents(),
    ["Organisation default", "English", "Español", "Français", "Deutsch", "Português (Brasil)", "العربية"]);
  await language.selectOption({ label: "Deutsch" });
  await dialog.getByLabel("service").check();
  await page.screenshot({ path: join(SHOTS, "console-invite-dialog.png") });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await page.locator("#standing-notice").filter({ hasText: "Omar Luna already has a profile from another organisation: they join with their existing password." }).waitFor();
  await assertAccessible(page, "the console with a notice");
  await page.screenshot({ path: join(SHOTS, "console-existing-profile.png") });
  const [omar] = await find("omar");
  assert.equal(omar.existing_profile, true);
  assert.equal(omar.shortcode, "OML");
  assert.deepEqual(omar.employment, { department: "Reception", job_title: "Night manager" });
  assert.equal(omar.locale, "de");
  assert.deepEqual(omar.products, ["service"]);
  const [mail] = await outbox("omar@luna.example");
  assert.doesNotMatch(mail.subject, /invited you/, "the email is in German");
  await page.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await page.locator("#standing-notice").textContent(), "");
  assert.deepEqual(page.errors, []);
});

test("edit sets products, employment and language, and clears them", async () => {
  const m = await invite({ email: "eva.edit@example.com", first_name: "Eva", last_name: "Edit", channels: [] });
  const page = await newPage();
  await signIn(page);
  await search(page, "eva");
  await row(page, "eva.edit@example.com").getByRole("button", { name: /^Edit/ }).click();
  const dialog = page.locator("#edit-dialog");
  await dialog.getByLabel("chat").check();
  await dialog.getByLabel("Department").fill("Spa");
  await dialog.getByLabel("Job title").fill("Therapist");
  await dialog.getByLabel("Language").selectOption({ label: "Español" });
  await assertAccessible(page, "the edit dialog", "#edit-dialog");
  await page.screenshot({ path: join(SHOTS, "console-edit-dialog.png") });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await toastSays(page, "Eva Edit was updated");
  let eva = await member(m.id);
  assert.deepEqual(eva.products, ["chat"]);
  assert.deepEqual(eva.employment, { department: "Spa", job_title: "Therapist" });
  assert.equal(eva.locale, "es");

  // The form shows what was saved; clearing both employment fields and the language clears them.
  await row(page, "eva.edit@example.com").getByRole("button", { name: /^Edit/ }).click();
  assert.equal(await dialog.getByLabel("chat").isChecked(), true);
  assert.equal(await dialog.getByLabel("Department").inputValue(), "Spa");
  assert.equal(await dialog.getByLabel("Language").inputValue(), "es");
  await dialog.getByLabel("chat").uncheck();
  await dialog.getByLabel("service").check();
  await dialog.getByLabel("Department").fill("");
  await dialog.getByLabel("Job title").fill("");
  await dialog.getByLabel("Language").selectOption({ label: "Organisation default" });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await toastSays(page, "Eva Edit was updated");
  eva = await member(m.id);
  assert.deepEqual(eva.products, ["service"]);
  assert.equal(eva.employment, null);
  assert.equal(eva.locale, null);
  assert.deepEqual(page.errors, []);
});

test("send later makes a scheduled row, and Send now sends it through the same dialog", async () => {
  const page = await newPage();
  await signIn(page);
  const dialog = await openInvite(page);
  await dialog.getByLabel("First name").fill("Lola");
  await dialog.getByLabel("Last name").fill("Later");
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill("lola.later@example.com");
  await dialog.getByLabel("Send later").check();
  const at = dialog.getByLabel("Date and time");
  assert.equal(await at.getAttribute("aria-required"), "true");
  const when = new Date(Date.now() + 3 * 86400 * 1000).toISOString().slice(0, 10) + "T09:30";
  await at.fill(when);
  await dialog.getByLabel("Time zone").selectOption("Europe/Madrid");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await toastSays(page, "The invitation of Lola Later will be sent");
  await search(page, "lola");
  await badge(page, "lola.later@example.com").filter({ hasText: "scheduled" }).waitFor();
  await row(page, "lola.later@example.com").getByText(/^Sends /).waitFor();
  assert.equal((await outbox("lola.later@example.com")).length, 0);
  await page.screenshot({ path: join(SHOTS, "console-scheduled.png"), fullPage: true });

  await row(page, "lola.later@example.com").getByRole("button", { name: /^Send now/ }).click();
  const reinvite = page.locator("#reinvite-dialog");
  await reinvite.getByRole("heading", { name: "Send the invitation of Lola Later now" }).waitFor();
  assert.equal(await reinvite.getByRole("checkbox", { name: /^Email/ }).isChecked(), true);
  await reinvite.getByRole("button", { name: "Send now" }).click();
  await badge(page, "lola.later@example.com").filter({ hasText: "invited" }).waitFor();
  await eventually("the email went out", async () => (await outbox("lola.later@example.com")).length === 1);
  assert.deepEqual(page.errors, []);
});

test("copy link shows a link that works, and print downloads the sheet", async () => {
  await invite({ email: "cora.copy@example.com", first_name: "Cora", last_name: "Copy", channels: [] });
  const page = await newPage();
  await signIn(page);
  await search(page, "cora");
  await row(page, "cora.copy@example.com").getByRole("button", { name: /^Copy link/ }).click();
  const link = page.locator("#show-dialog #link-value");
  await link.waitFor();
  const url = await link.inputValue();
  assert.match(url, /\/accept#token=[A-Za-z0-9_-]+$/);
  await assertAccessible(page, "the link dialog", "#show-dialog");
  const preview = await http("POST", "/v1/invitations/preview", { token: /#token=(.+)$/.exec(url)[1] });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  await page.locator("#show-dialog").getByRole("button", { name: "Close" }).click();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row(page, "cora.copy@example.com").getByRole("button", { name: /^Print/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^invitation-Cora-Copy\.html$/);
  const sheet = readFileSync(await download.path(), "utf8");
  assert.match(sheet, /Hotel Sol/);
  await toastSays(page, "printable invitation of Cora Copy was downloaded");
  assert.deepEqual(page.errors, []);
});

test("paging: 55 people are all reachable with Next, and Previous goes back", async () => {
  const invitees = Array.from({ length: 55 }, (_, i) => ({
    email: `zp${String(i).padStart(2, "0")}@example.com`, first_name: "Zed", last_name: `Pager${String(i).padStart(2, "0")}`,
  }));
  const batch = await adminApi("POST", "/invitations/batch", { invitees, channels: [] });
  assert.equal(batch.status, 200);
  assert.equal(batch.body.results.filter((r) => r.status === "created").length, 55);
  const page = await newPage();
  await signIn(page);
  await search(page, "pager");
  const seen = new Set();
  let pages = 0;
  const emails = () => page.locator("#rows tr[data-email]").evaluateAll((rows) => rows.map((r) => r.dataset.email));
  let first;
  for (;;) {
    pages += 1;
    const now = await emails();
    if (pages === 1) first = now;
    assert.ok(now.length <= 20, "at most 20 a page");
    for (const e of now) seen.add(e);
    const next = page.getByRole("button", { name: "Next" });
    if (await next.isDisabled()) break;
    await next.click();
    await page.locator("#current-page").filter({ hasText: `Page ${pages + 1}` }).waitFor();
    await page.waitForFunction((before) => {
      const rows = [...document.querySelectorAll("#rows tr[data-email]")].map((r) => r.dataset.email);
      return rows.length && rows[0] !== before;
    }, now[0]);
  }
  assert.equal(seen.size, 55, "every one of them, once");
  assert.ok(pages >= 3);
  await page.getByRole("button", { name: "Previous" }).click();
  await page.locator("#current-page").filter({ hasText: `Page ${pages - 1}` }).waitFor();
  // The status filter: all of them are invited, none active.
  await page.getByLabel("Status", { exact: true }).selectOption("active");
  await page.locator("#rows td.empty").waitFor();
  await page.getByLabel("Status", { exact: true }).selectOption("");
  await page.locator("#current-page").filter({ hasText: "Page 1" }).waitFor();
  await page.waitForFunction((want) => document.querySelector("#rows tr[data-email]")?.dataset.email === want, first[0]);
  assert.deepEqual(page.errors, []);
});

test("rows pasted from a spreadsheet with a header keep their names and roles", async () => {
  const page = await newPage();
  await signIn(page);
  const dialog = await openInvite(page);
  await dialog.getByRole("tab", { name: /Many/ }).click();
  await assertAccessible(page, "the invite dialog, many", "#invite-dialog");
  const rows = [
    "Email\tFirst name\tLast name\tRole\tTeams\tAgent ids",
    "rosa.row@example.com\tRosa\tRow\tAgent\t\tvoice-88",
    "ramon.row@example.com\tRamón\tRow\tTeam leader\tNight|Front desk\t",
    "not-an-address\tBad\tRow\tUser\t\t",
  ].join("\n");
  await dialog.getByLabel("Email addresses").fill(rows + "\n");
  await dialog.getByLabel("Department").fill("Housekeeping");
  await dialog.getByLabel("Language").selectOption("fr");
  await dialog.getByRole("checkbox", { name: "Email" }).uncheck();
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  await page.locator("#toast").filter({ hasText: "2 of 3 invited" }).waitFor();
  const results = dialog.locator("#invite-results");
  await results.locator("li.ok").filter({ hasText: "Rosa Row, rosa.row@example.com: invited as Agent" }).waitFor();
  await results.locator("li.ok").filter({ hasText: "Ramón Row, ramon.row@example.com: invited as Team leader" }).waitFor();
  const bad = results.locator('li.error[data-index="2"]');
  assert.match(await bad.textContent(), /not-an-address/);
  await page.screenshot({ path: join(SHOTS, "console-spreadsheet-rows.png") });
  await dialog.getByRole("button", { name: "Close" }).click();

  const [rosa] = await find("rosa.row");
  assert.equal(rosa.first_name, "Rosa");
  assert.equal(rosa.role, "agent");
  assert.deepEqual(rosa.agent_ids, ["voice-88"]);
  assert.equal(rosa.locale, "fr");
  assert.deepEqual(rosa.employment, { department: "Housekeeping" });
  assert.deepEqual(rosa.delivery, {}, "link only, as chosen");
  const [ramon] = await find("ramon.row");
  assert.equal(ramon.role, "team_leader");
  assert.deepEqual(ramon.teams, ["Night", "Front desk"]);
  await search(page, "row");
  await badge(page, "rosa.row@example.com").filter({ hasText: "invited" }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("bulk: cancel two selected invitations, skipping an active member", async () => {
  // Two invited, and the admin herself (active): all three are found by "ada".
  const a = await invite({ email: "bulk.a@example.com", first_name: "Ada", last_name: "Bulk-Anna", channels: [] });
  const b = await invite({ email: "bulk.b@example.com", first_name: "Ada", last_name: "Bulk-Bruno", channels: [] });
  const page = await newPage();
  await signIn(page);
  const bar = page.locator("#bulk-bar");
  assert.equal(await bar.isHidden(), true, "no selection, no bulk actions");
  await search(page, "ada");
  await row(page, "bulk.b@example.com").waitFor();
  await page.getByLabel("Select Ada Bulk-Anna").check();
  await bar.getByText("1 selected").waitFor();
  await page.getByLabel("Select all users on this page").check();
  await bar.getByText("3 selected").waitFor();
  assert.equal(await page.locator("#rows input.pick:checked").count(), 3);
  await assertAccessible(page, "the console with a selection");
  await page.screenshot({ path: join(SHOTS, "console-bulk.png"), fullPage: true });
  await bar.getByRole("button", { name: "Cancel selected invitations" }).click();
  await toastSays(page, "2 cancelled, 1 skipped (already active)");
  assert.match(page.confirms.at(-1), /Cancel the invitations of 2 people/);
  await row(page, "bulk.a@example.com").waitFor({ state: "detached" });
  await row(page, "bulk.b@example.com").waitFor({ state: "detached" });
  assert.equal((await member(a.id)).status, "cancelled");
  assert.equal((await member(b.id)).status, "cancelled");
  assert.equal(await bar.isHidden(), true, "the selection is cleared");
  assert.equal(await badge(page, ADMIN.email).textContent(), "active", "the admin is untouched");
  // A new search starts a new selection.
  await page.getByLabel(`Select Ada Admin`).check();
  await bar.waitFor();
  await search(page, "zz");
  assert.equal(await bar.isHidden(), true);
  assert.deepEqual(page.errors, []);
});

test("the details view shows every field, delivery with its reason, and the history", async () => {
  const m = await invite({
    email: "bounce@simulator.amazonses.com", phone: "+34 633 444 555", first_name: "Bea", last_name: "Bounce",
    role: "agent", agent_ids: ["voice-9"], products: ["chat"], shortcode: "BB1", locale: "pt-BR",
    employment: { department: "Bar", job_title: "Barista" }, channels: ["email"],
  });
  await eventually("the bounce is recorded", async () => (await member(m.id)).delivery.email === "bounced");
  const page = await newPage();
  await signIn(page);
  await search(page, "bea");
  const bounced = row(page, "bounce@simulator.amazonses.com").locator('[data-channel="email"][data-delivery="bounced"]');
  await bounced.waitFor();
  assert.match(await bounced.getAttribute("title"), /user unknown/, "the reason on hover");
  await row(page, "bounce@simulator.amazonses.com").getByRole("button", { name: "Bea Bounce", exact: true }).click();
  const details = page.locator("#details-dialog");
  await details.getByRole("heading", { name: "Bea Bounce" }).waitFor();
  const text = await details.locator("#details-list").innerText();
  for (const expected of ["bounce@simulator.amazonses.com", "+34633444555", "Agent", "voice-9", "chat", "BB1", "Bar",
    "Barista", "Português (Brasil)", "Invited", "Ada Admin", "Email: bounced (smtp; 550 5.1.1 user unknown)", "New to the service"]) {
    assert.ok(text.includes(expected), `the details show ${expected}: ${text}`);
  }
  await details.locator("#details-inviter").filter({ hasText: "Ada Admin" }).waitFor();
  await assertAccessible(page, "the details dialog", "#details-dialog");
  await page.screenshot({ path: join(SHOTS, "console-details.png") });
  await details.getByRole("button", { name: "History" }).click();
  await page.locator("#history-table tbody tr").filter({ hasText: "Invited" }).waitFor();
  await assertAccessible(page, "the history dialog", "#show-dialog");
  await page.locator("#show-dialog").getByRole("button", { name: "Close" }).click();

  // The bounce blocked the address: an admin sees why, and clears it.
  await page.getByRole("button", { name: "Blocked addresses" }).click();
  const blocked = page.locator("#suppressions-dialog");
  const entry = blocked.locator('tr[data-address="bounce@simulator.amazonses.com"]');
  await entry.waitFor();
  assert.match(await entry.textContent(), /Bounced.*user unknown/);
  await assertAccessible(page, "the blocked addresses dialog", "#suppressions-dialog");
  await page.screenshot({ path: join(SHOTS, "console-blocked.png") });
  await entry.getByRole("button", { name: "Clear bounce@simulator.amazonses.com" }).click();
  await toastSays(page, "bounce@simulator.amazonses.com is no longer blocked");
  await blocked.getByText("No address is blocked.").waitFor();
  assert.deepEqual((await adminApi("GET", "/suppressions")).body.items, []);
  await blocked.getByRole("button", { name: "Close" }).click();
  assert.deepEqual(page.errors, []);
});

test("an admin exports every member as users.csv", async () => {
  const page = await newPage();
  await signIn(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "users.csv");
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv.split("\n")[0], /^id,email,phone,first_name,last_name,role,status/);
  assert.match(csv, /admin@hotel-sol\.example/);

  // The admins' other dialogs pass too.
  await page.getByRole("button", { name: "Settings" }).click();
  await page.locator("#settings-dialog").getByLabel("Organisation name").waitFor();
  await assertAccessible(page, "the settings dialog", "#settings-dialog");
  await page.locator("#settings-dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Audit trail" }).click();
  await page.locator('#audit-dialog tr[data-action="members.exported"]').first().waitFor();
  await assertAccessible(page, "the audit dialog", "#audit-dialog");
  await page.locator("#audit-dialog").getByRole("button", { name: "Close" }).click();
  assert.deepEqual(page.errors, []);
});

test("at 390 px wide the console and its dialogs stay usable and accessible", async () => {
  await invite({ email: "nora.narrow@example.com", first_name: "Nora", last_name: "Narrow", channels: [] });
  const page = await newPage({ width: 390, height: 844 });
  await signIn(page);
  await search(page, "nora");
  await assertAccessible(page, "the console at 390 px");
  await page.getByLabel("Select Nora Narrow").check();
  await page.locator("#bulk-bar").waitFor();
  await page.screenshot({ path: join(SHOTS, "console-390.png"), fullPage: true });
  await assertAccessible(page, "the console at 390 px, with a selection");
  // Keyboard only: from the name to the details view, Escape closes it.
  await row(page, "nora.narrow@example.com").getByRole("button", { name: "Nora Narrow", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.locator("#details-dialog").getByRole("heading", { name: "Nora Narrow" }).waitFor();
  await assertAccessible(page, "the details dialog at 390 px", "#details-dialog");
  await page.screenshot({ path: join(SHOTS, "console-details-390.png") });
  await page.keyboard.press("Escape");
  await page.locator("#details-dialog").waitFor({ state: "hidden" });
  await row(page, "nora.narrow@example.com").getByRole("button", { name: /^Reinvite/ }).click();
  await assertAccessible(page, "the reinvite dialog at 390 px", "#reinvite-dialog");
  await page.keyboard.press("Escape");
  const dialog = await openInvite(page);
  await dialog.getByRole("tab", { name: /Many/ }).click();
  await assertAccessible(page, "the invite dialog at 390 px", "#invite-dialog");
  await page.screenshot({ path: join(SHOTS, "console-invite-390.png") });
  await dialog.getByRole("button", { name: "Close" }).click();
  assert.deepEqual(page.errors, []);
});

// The console in the browser's language: the catalogue's messages (/i18n/{locale}.json), and a
// sign-in through the translated form.
const catalogue = async (locale) => (await http("GET", `/i18n/${locale}.json`)).body.messages;
async function signInIn(page, m) {
  await page.goto(base + "/admin");
  const form = page.locator("#signin");
  await form.getByRole("heading", { name: m["page-sign-in"] }).waitFor();
  await form.getByLabel(m["page-reset-email"]).fill(ADMIN.email);
  await form.getByLabel(m["page-signin-password"]).fill(ADMIN.password);
  await form.getByRole("button", { name: m["page-sign-in"] }).click();
  await page.locator("#console").waitFor();
  await page.locator("#stat-active").filter({ hasText: /\d/ }).waitFor();
}

test("in Arabic the console reads right to left, and the invite dialog speaks Arabic", async () => {
  const [ar, en] = [await catalogue("ar"), await catalogue("en")];
  const page = await openPage(browser, { viewport: { width: 1280, height: 860 }, timezoneId: "Europe/Madrid", locale: "ar" });
  await signInIn(page, ar);
  const html = page.locator("html");
  assert.equal(await html.getAttribute("dir"), "rtl");
  assert.equal(await html.getAttribute("lang"), "ar");
  assert.equal(await page.title(), ar["console-title"]);
  const heading = page.getByRole("heading", { level: 1 });
  assert.equal(await heading.textContent(), "إدارة المستخدمين");
  assert.notEqual(ar["console-heading"], en["console-heading"]);
  // The rows too: the admin's role, her status badge and her row's actions.
  await search(page, "ada", ar["console-search"]);
  const admin = row(page, ADMIN.email);
  assert.equal(await admin.locator(".badge").first().textContent(), ar["console-badge-active"]);
  await admin.getByRole("cell", { name: ar["console-role-admin"], exact: true }).waitFor();
  await admin.getByRole("button", { name: `${ar["console-history"]}: Ada Admin` }).waitFor();
  assert.equal(await page.getByLabel(ar["console-search"], { exact: true }).getAttribute("placeholder"), ar["console-search-placeholder"]);
  assert.equal(await page.locator("#select-all").getAttribute("aria-label"), ar["console-select-all"]);
  await assertAccessible(page, "the console in Arabic");
  await page.screenshot({ path: join(SHOTS, "console-ar.png"), fullPage: true });

  await page.getByRole("button", { name: ar["console-invite-users"] }).click();
  const dialog = page.locator("#invite-dialog");
  await dialog.getByRole("heading", { name: ar["console-invite-users"] }).waitFor();
  await dialog.getByRole("tab", { name: ar["console-invite-one"] }).waitFor();
  const phone = dialog.getByRole("textbox", { name: ar["console-phone"] });
  assert.equal(await phone.getAttribute("placeholder"), ar["console-phone-placeholder"]);
  assert.equal(await dialog.locator("#invite-submit").textContent(), ar["console-send-invitation"]);
  assert.deepEqual(await dialog.getByRole("combobox", { name: ar["console-role"], exact: true }).locator("option").allTextContents(),
    ["user", "agent", "team_leader", "manager", "admin"].map((r) => ar["console-role-" + r]));
  await assertAccessible(page, "the invite dialog in Arabic", "#invite-dialog");
  // Nothing given: the form says what is missing, in Arabic.
  await dialog.locator("#invite-submit").click();
  await dialog.locator(".field-error").filter({ hasText: ar["console-contact-missing-field"] }).waitFor();
  await dialog.locator("#invite-error").filter({ hasText: ar["console-contact-missing"] }).waitFor();
  await page.screenshot({ path: join(SHOTS, "console-ar-invite.png") });
  await dialog.getByRole("button", { name: ar["console-close"] }).click();
  assert.deepEqual(page.errors, []);
});

test("in Spanish at 390 px an admin invites someone through the translated form", async () => {
  const es = await catalogue("es");
  const page = await openPage(browser, { viewport: { width: 390, height: 844 }, timezoneId: "Europe/Madrid", locale: "es-ES" });
  await signInIn(page, es);
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.equal(await page.locator("html").getAttribute("dir"), "ltr");
  await page.getByRole("heading", { level: 1, name: "Gestionar usuarios/as" }).waitFor();
  await page.getByRole("button", { name: "Invitar a personas" }).click();
  const dialog = page.locator("#invite-dialog");
  await dialog.getByRole("heading", { name: es["console-invite-users"] }).waitFor();
  await dialog.getByLabel(es["page-accept-first-name"], { exact: true }).fill("Lucía");
  await dialog.getByLabel(es["page-accept-last-name"], { exact: true }).fill("Martín");
  await dialog.getByRole("textbox", { name: es["console-email"], exact: true }).fill("lucia.martin@example.com");
  await dialog.getByRole("combobox", { name: es["console-role"], exact: true }).selectOption({ label: es["console-role-manager"] });
  await dialog.getByLabel(es["console-department"]).fill("Recepción");
  await assertAccessible(page, "the invite dialog in Spanish at 390 px", "#invite-dialog");
  await dialog.getByRole("button", { name: "Enviar invitación" }).click();
  // The confirmation, in Spanish, once the email is out.
  await toastSays(page, "Invitación enviada a Lucía Martín.");
  await search(page, "lucia", es["console-search"]);
  await badge(page, "lucia.martin@example.com").filter({ hasText: es["console-badge-invited"] }).waitFor();
  await row(page, "lucia.martin@example.com").locator('[data-channel="email"][data-delivery="sent"]')
    .filter({ hasText: `${es["console-channel-email"]}: ${es["console-delivery-sent"]}` }).waitFor();
  await assertAccessible(page, "the console in Spanish at 390 px");
  await page.screenshot({ path: join(SHOTS, "console-es-390.png"), fullPage: true });
  const [lucia] = await find("lucia.martin");
  assert.equal(lucia.role, "manager");
  assert.deepEqual(lucia.employment, { department: "Recepción" });
  assert.equal((await outbox("lucia.martin@example.com")).length, 1);
  assert.deepEqual(page.errors, []);
});
