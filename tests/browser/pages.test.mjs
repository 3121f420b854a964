// The pages in a real browser: Playwright (playwright-core) driving Debian's Chromium against the
// local server (target/debug/local, started here on a free loopback port with its own data folder).
// Screenshots go to target/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
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
  const res = await fetch(base + path, {
    method, headers: { authorization: "Bearer " + tenant.token, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function outbox(to) {
  const r = await http("GET", "/dev/outbox?to=" + encodeURIComponent(to));
  return r.body.messages;
}
const tokenOf = (message) => /#token=([A-Za-z0-9_-]+)/.exec(message.text)[1];

before(async () => {
  ({ base, tenant, browser, stop } = await start("browser"));
});

after(async () => { await stop?.(); });

const newPage = () => openPage(browser);

const signIn = (page) => signInAt(page, base);

const row = (page, email) => page.locator(`tr[data-email="${email}"]`);
const badge = (page, email) => row(page, email).locator(".badge");
const stat = async (page, name) => Number(await page.locator("#stat-" + name).textContent());

test("an admin invites through the dialog, the invitee accepts from the outbox, and the console shows it", async () => {
  const page = await newPage();
  await signIn(page);
  const activeBefore = await stat(page, "active");
  const invitedBefore = await stat(page, "invited");
  await page.screenshot({ path: join(SHOTS, "console.png"), fullPage: true });

  await page.getByRole("button", { name: "Invite users" }).click();
  const dialog = page.locator("#invite-dialog");
  await dialog.getByLabel("First name").fill("Ana");
  await dialog.getByLabel("Last name").fill("Ruiz");
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill("ana.ruiz@example.com");
  await dialog.getByLabel("Role").selectOption("agent");
  await dialog.getByLabel("Agent ids").fill("voice-17, chat-4");
  await dialog.getByLabel("chat").check();
  await page.screenshot({ path: join(SHOTS, "invite-dialog.png") });
  await dialog.getByRole("button", { name: "Send invitation" }).click();

  await page.locator("#toast").filter({ hasText: "Invitation sent to Ana Ruiz" }).waitFor();
  // The row tells where the invitation is, per channel.
  await page.locator('tr[data-email="ana.ruiz@example.com"] [data-channel="email"][data-delivery="sent"]').waitFor();
  await assert.doesNotReject(badge(page, "ana.ruiz@example.com").filter({ hasText: "invited" }).waitFor());
  await page.locator("#stat-invited").filter({ hasText: String(invitedBefore + 1) }).waitFor();

  // The outbox viewer shows the email; its link opens the accept page.
  const mail = await newPage();
  await mail.goto(base + "/dev/outbox.html");
  const message = mail.locator('article[data-to="ana.ruiz@example.com"]').first();
  await message.waitFor();
  assert.match(await message.textContent(), /Hotel Sol/);
  await message.locator("a.message-link").first().click();
  await mail.waitForURL(/\/accept/);
  await mail.getByRole("heading", { name: "Join Hotel Sol" }).waitFor();
  assert.ok(!mail.url().includes("token="), "the token is taken out of the address bar");
  await mail.getByLabel("First name").fill("Ana");
  await mail.getByLabel("Last name").fill("Ruiz");
  await mail.getByLabel("Choose a password").fill(PASSWORD);
  await mail.screenshot({ path: join(SHOTS, "accept-page.png") });
  await mail.getByRole("button", { name: "Accept invitation" }).click();
  await mail.getByRole("heading", { name: "You're in" }).waitFor();
  await mail.screenshot({ path: join(SHOTS, "accept-success.png") });

  await page.reload();
  await badge(page, "ana.ruiz@example.com").filter({ hasText: "active" }).waitFor();
  await page.locator("#stat-active").filter({ hasText: String(activeBefore + 1) }).waitFor();
  await page.locator("#stat-invited").filter({ hasText: String(invitedBefore) }).waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(mail.errors, []);
});

test("pasting three addresses invites three people, and a bad address is shown against its row", async () => {
  const page = await newPage();
  await signIn(page);
  await page.getByRole("button", { name: "Invite users" }).click();
  const dialog = page.locator("#invite-dialog");
  await dialog.getByRole("tab", { name: /Many/ }).click();
  await dialog.getByLabel("Email addresses").fill("email\nbea@example.com\ncarl@example.com\tCarl\ndani@example.com\n");
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  await page.locator("#toast").filter({ hasText: "3 of 3 invited" }).waitFor();
  for (const email of ["bea@example.com", "carl@example.com", "dani@example.com"]) {
    await badge(page, email).filter({ hasText: "invited" }).waitFor();
  }

  await page.getByRole("button", { name: "Invite users" }).click();
  await dialog.getByRole("tab", { name: /Many/ }).click();
  await dialog.getByLabel("Email addresses").fill("eli@example.com\nnot-an-address\nfede@example.com");
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  const bad = dialog.locator('#invite-results li.error[data-index="1"]');
  await bad.waitFor();
  assert.match(await bad.textContent(), /not-an-address/);
  assert.equal(await dialog.locator("#invite-results li.ok").count(), 2);
  await page.screenshot({ path: join(SHOTS, "batch-results.png") });
  await dialog.getByRole("button", { name: "Close" }).click();
  await badge(page, "fede@example.com").filter({ hasText: "invited" }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("deactivate, reactivate, cancel and reinvite from the row actions are reflected on the page", async () => {
  // Gus is active, Hana invited.
  const gus = await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "gus@example.com", first_name: "Gus", last_name: "Tavo" });
  assert.equal(gus.status, 201);
  const accepted = await http("POST", "/v1/invitations/accept", { token: tokenOf((await outbox("gus@example.com"))[0]), first_name: "Gus", last_name: "Tavo", password: PASSWORD });
  assert.equal(accepted.status, 200);
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "hana@example.com", first_name: "Hana", last_name: "Mori" });
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "ivan@example.com", first_name: "Ivan", last_name: "Petrov" });

  const page = await newPage();
  await signIn(page);
  await page.getByLabel("Search").fill("gus");
  await row(page, "gus@example.com").getByRole("button", { name: /^Deactivate/ }).click();
  await page.locator("#toast").filter({ hasText: "Gus Tavo was deactivated" }).waitFor();
  await page.getByRole("tab", { name: "Inactive" }).click();
  await badge(page, "gus@example.com").filter({ hasText: "deactivated" }).waitFor();
  await row(page, "gus@example.com").getByRole("button", { name: /^Reactivate/ }).click();
  await page.locator("#toast").filter({ hasText: "Gus Tavo is active again" }).waitFor();
  await page.getByRole("tab", { name: "All users" }).click();
  await badge(page, "gus@example.com").filter({ hasText: "active" }).waitFor();

  await page.getByLabel("Search").fill("hana");
  await row(page, "hana@example.com").getByRole("button", { name: /^Cancel invite/ }).click();
  await page.locator("#toast").filter({ hasText: "invitation of Hana Mori was cancelled" }).waitFor();
  await assert.doesNotReject(row(page, "hana@example.com").waitFor({ state: "detached" }));
  await page.getByRole("tab", { name: "Inactive" }).click();
  await badge(page, "hana@example.com").filter({ hasText: "cancelled" }).waitFor();

  await page.getByRole("tab", { name: "All users" }).click();
  await page.getByLabel("Search").fill("ivan");
  const before = (await outbox("ivan@example.com")).length;
  await row(page, "ivan@example.com").getByRole("button", { name: /^Reinvite/ }).click();
  await page.locator("#reinvite-dialog").getByRole("button", { name: "Send invitation" }).click();
  await page.locator("#toast").filter({ hasText: "new invitation was sent to Ivan Petrov" }).waitFor();
  await badge(page, "ivan@example.com").filter({ hasText: "invited" }).waitFor();
  const after = await outbox("ivan@example.com");
  assert.equal(after.length, before + 1, "the reinvite sent a new email");
  const first = await http("POST", "/v1/invitations/preview", { token: tokenOf(after[0]) });
  assert.equal(first.body.code, "invitation_invalid", "the earlier link no longer works");

  // The other row actions: a quick access code and the QR code.
  await row(page, "ivan@example.com").getByRole("button", { name: /^Access code/ }).click();
  assert.match(await page.locator("#access-code").textContent(), /^[A-Z0-9]{8}$/);
  await page.getByRole("button", { name: "Close" }).click();
  await row(page, "ivan@example.com").getByRole("button", { name: /^QR code/ }).click();
  const qr = page.locator("#show-body img");
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR image renders");
  await page.getByRole("button", { name: "Close" }).click();
  assert.deepEqual(page.errors, []);
});

test("the accept page shows the used and expired states, and opening it consumes nothing", async () => {
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "jon@example.com", first_name: "Jon", last_name: "Uria" });
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "kai@example.com", first_name: "Kai", last_name: "Lind" });
  const jon = tokenOf((await outbox("jon@example.com"))[0]);
  const kai = tokenOf((await outbox("kai@example.com"))[0]);

  const page = await newPage();
  await page.goto(`${base}/accept#token=${jon}`);
  await page.getByRole("heading", { name: "Join Hotel Sol" }).waitFor();
  // Opening the page twice changed nothing: the invitation still accepts.
  await page.goto(`${base}/accept#token=${jon}`);
  await page.getByRole("heading", { name: "Join Hotel Sol" }).waitFor();
  const accepted = await http("POST", "/v1/invitations/accept", { token: jon, first_name: "Jon", last_name: "Uria", password: PASSWORD });
  assert.equal(accepted.status, 200);
  await page.goto(`${base}/accept#token=${jon}`);
  await page.getByRole("heading", { name: "This invitation has already been used" }).waitFor();
  await assertAccessible(page, "the accept page, used");

  await http("POST", "/dev/clock", { advance_seconds: 25 * 3600 });
  await page.goto(`${base}/accept#token=${kai}`);
  await page.getByRole("heading", { name: "This invitation has expired" }).waitFor();
  // The tenant renews on approval (the default): the invitee asks, the inviter is told.
  await page.getByRole("button", { name: "Ask for a new invitation" }).click();
  await page.getByText("Your request was sent").waitFor();
  await page.screenshot({ path: join(SHOTS, "accept-expired.png") });
  await assertAccessible(page, "the accept page, expired");
  const asked = await adminApi("GET", `/v1/tenants/${tenant.id}/users?renewal=requested`);
  assert.deepEqual(asked.body.items.map((m) => m.email), ["kai@example.com"]);

  // The console shows the request (a badge, and a tab of its own), and one click reinvites.
  const admin = await newPage();
  await signIn(admin);
  await admin.getByRole("tab", { name: "Renewal requests" }).click();
  await row(admin, "kai@example.com").locator(".badge.renewal").filter({ hasText: "renewal requested" }).waitFor();
  await admin.screenshot({ path: join(SHOTS, "console-renewal-requests.png"), fullPage: true });
  const sentBefore = (await outbox("kai@example.com")).length;
  await row(admin, "kai@example.com").getByRole("button", { name: /^Reinvite/ }).click();
  await admin.locator("#reinvite-dialog").getByRole("button", { name: "Send invitation" }).click();
  await row(admin, "kai@example.com").waitFor({ state: "detached" });
  assert.equal((await outbox("kai@example.com")).length, sentBefore + 1, "a fresh link went out");
  assert.deepEqual(admin.errors, []);

  await page.goto(`${base}/accept#token=not-a-real-token`);
  await page.getByRole("heading", { name: "This link is not valid" }).waitFor();
  await assertAccessible(page, "the accept page, not valid");
  assert.deepEqual(page.errors, []);
});

test("the pages carry a strict policy and no referrer", async () => {
  for (const path of ["/accept", "/admin", "/dev/outbox.html"]) {
    const res = await fetch(base + path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("referrer-policy"), "no-referrer");
    const csp = res.headers.get("content-security-policy");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Only the accept page loads images over https (the tenant's logo); nothing loads anything
    // else from elsewhere.
    const elsewhere = path === "/accept" ? csp.replace(/img-src [^;]*/, "") : csp;
    assert.doesNotMatch(elsewhere, /https?:/);
  }
});

// An invited person accepts through the API: an account with a verified email and PASSWORD.
async function person(email) {
  const invited = await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email, first_name: "Rosa", last_name: "Reset" });
  assert.equal(invited.status, 201);
  const messages = await outbox(email);
  const accepted = await http("POST", "/v1/invitations/accept", { token: tokenOf(messages.at(-1)), password: PASSWORD });
  assert.equal(accepted.status, 200);
}

test("a person who forgot their password asks for a link and sets a new one", async () => {
  await person("rosa.reset@example.com");
  const page = await newPage();
  await page.goto(base + "/reset");
  await page.getByLabel("Email").fill("rosa.reset@example.com");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  await page.screenshot({ path: join(SHOTS, "reset-asked.png") });

  const link = (await outbox("rosa.reset@example.com")).at(-1);
  assert.match(link.text, /\/reset#token=/);
  await page.goto(base + "/reset#token=" + tokenOf(link));
  await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
  assert.ok(!page.url().includes("token="), "the token is taken out of the address bar");
  await page.getByLabel("New password").fill("a freshly chosen passphrase");
  await page.screenshot({ path: join(SHOTS, "reset-choose.png") });
  await page.getByRole("button", { name: "Set the new password" }).click();
  await page.getByRole("heading", { name: "Your password is changed" }).waitFor();
  const old = await http("POST", "/v1/sessions", { email: "rosa.reset@example.com", password: PASSWORD });
  assert.equal(old.status, 401);

  // The link works once.
  await page.goto(base + "/reset#token=" + tokenOf(link));
  await page.getByLabel("New password").fill("yet another long passphrase");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await page.getByRole("heading", { name: "This link is not valid" }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("a person signs in with a code sent to their email, and with their password", async () => {
  await person("sol.code@example.com");
  const page = await newPage();
  await page.goto(base + "/sign-in");
  await page.locator("#start-form").getByLabel("Email or mobile number").fill("sol.code@example.com");
  await page.getByRole("button", { name: "Send me a code instead" }).click();
  await page.getByRole("heading", { name: "Enter your code" }).waitFor();
  const mail = (await outbox("sol.code@example.com")).at(-1);
  const code = /^\s*(\d{6})\s*$/m.exec(mail.text)[1];
  await page.getByLabel("Code").fill(code);
  await page.screenshot({ path: join(SHOTS, "sign-in-code.png") });
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "You're signed in" }).waitFor();
  assert.match(await page.locator("#memberships").textContent(), /Hotel Sol/);

  const again = await newPage();
  await again.goto(base + "/sign-in");
  await again.locator("#start-form").getByLabel("Email or mobile number").fill("sol.code@example.com");
  await again.getByLabel("Password").fill("not the password at all");
  await again.getByRole("button", { name: "Sign in", exact: true }).click();
  await again.locator("#start-error").filter({ hasText: "not right" }).waitFor();
  await again.getByLabel("Password").fill(PASSWORD);
  await again.getByRole("button", { name: "Sign in", exact: true }).click();
  await again.getByRole("heading", { name: "You're signed in" }).waitFor();
  await again.screenshot({ path: join(SHOTS, "sign-in.png") });
  assert.deepEqual([...page.errors, ...again.errors], []);
});

test("an admin changes the settings, reads the audit trail and a member's history", async () => {
  const page = await newPage();
  await signIn(page);

  // Settings: a bad value is named at its field and changes nothing; a good one is saved.
  await page.getByRole("button", { name: "Settings" }).click();
  const settings = page.locator("#settings-dialog");
  const hours = settings.getByLabel("Invitation links last (hours)");
  await hours.fill("500");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await settings.locator(".field-error").filter({ hasText: "168" }).waitFor();
  assert.equal((await adminApi("GET", `/v1/tenants/${tenant.id}/settings`)).body.invitation_ttl_hours, 24);
  await hours.fill("48");
  await settings.getByLabel("Sender name").fill("Hotel Sol Team");
  await settings.getByLabel("Accent colour").fill("#0a7d5a");
  await page.screenshot({ path: join(SHOTS, "console-settings.png") });
  await settings.getByRole("button", { name: "Save settings" }).click();
  await page.locator("#toast").filter({ hasText: "Settings saved" }).waitFor();
  const saved = (await adminApi("GET", `/v1/tenants/${tenant.id}/settings`)).body;
  assert.equal(saved.invitation_ttl_hours, 48);
  assert.equal(saved.branding.sender_name, "Hotel Sol Team");

  // The audit trail: the change is there, with its before and after; filtered; as CSV.
  await page.getByRole("button", { name: "Audit trail" }).click();
  const audit = page.locator("#audit-dialog");
  await audit.locator('tr[data-action="settings.updated"]').first().waitFor();
  await audit.getByLabel("Action").selectOption("settings.updated");
  await audit.locator("#audit-rows tr").first().filter({ hasText: "invitation_ttl_hours: 24 → 48" }).waitFor();
  const actions = await audit.locator("#audit-rows tr").evaluateAll((rows) => rows.map((r) => r.dataset.action));
  assert.ok(actions.length > 0 && actions.every((a) => a === "settings.updated"), actions.join());
  await page.screenshot({ path: join(SHOTS, "console-audit.png") });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    audit.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "audit.csv");
  await audit.getByRole("button", { name: "Close" }).click();

  // A member's history.
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "hist@example.com", first_name: "Hilda", last_name: "Story" });
  await page.getByLabel("Search").fill("hilda");
  await row(page, "hist@example.com").getByRole("button", { name: /^History/ }).click();
  await page.locator("#history-table tbody tr").filter({ hasText: "Invited" }).waitFor();
  await page.screenshot({ path: join(SHOTS, "console-history.png") });
  await page.getByRole("button", { name: "Close" }).click();
  // Back to the default lifetime for what follows.
  await adminApi("PATCH", `/v1/tenants/${tenant.id}/settings`, { invitation_ttl_hours: 24 });
  assert.deepEqual(page.errors, []);
});

test("the accept page wears the tenant's logo, accent and language (Arabic, right to left)", async () => {
  await adminApi("PATCH", `/v1/tenants/${tenant.id}/settings`, {
    locale: "ar", branding: { accent_color: "#0a7d5a", logo_url: "https://cdn.hotel-sol.example/logo.svg" },
  });
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "branded@example.com", first_name: "Bea", last_name: "Brand" });
  const [mail] = await outbox("branded@example.com");
  const page = await newPage();
  await page.route("https://cdn.hotel-sol.example/logo.svg", (route) => route.fulfill({
    contentType: "image/svg+xml",
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0a7d5a"/></svg>',
  }));
  await page.goto(`${base}/accept#token=${tokenOf(mail)}`);
  await page.locator("#invitation").waitFor();
  const logo = page.locator("#brand-logo");
  await logo.waitFor();
  assert.equal(await logo.getAttribute("alt"), "Hotel Sol");
  assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), "the logo loads under the page's policy");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ar");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  // Spoken in Arabic, from the catalogue: the button, the heading (with the tenant's name).
  assert.equal((await page.locator("#accept-button").textContent()).trim(), "قبول الدعوة");
  assert.match(await page.locator("#invitation h1").textContent(), /Hotel Sol/);
  const band = await page.locator("#card").evaluate((c) => getComputedStyle(c).borderTopColor);
  assert.equal(band, "rgb(10, 125, 90)");
  const button = await page.locator("#accept-button").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(button, "rgb(10, 125, 90)", "a dark accent colours the buttons");
  await page.screenshot({ path: join(SHOTS, "accept-branded.png") });
  await assertAccessible(page, "the accept page in Arabic");
  await adminApi("PATCH", `/v1/tenants/${tenant.id}/settings`, { locale: "en", branding: { accent_color: null, logo_url: null } });
  assert.deepEqual(page.errors, []);
});

test("an invitation in Spanish: the accept page speaks Spanish and the invitee accepts with the keyboard alone", async () => {
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "lucia@example.com", first_name: "Lucía", last_name: "Gil", locale: "es" });
  const [mail] = await outbox("lucia@example.com");
  assert.match(mail.subject, /te ha invitado/);
  // The browser says English; the invitation says Spanish, and wins.
  const page = await newPage();
  await page.goto(`${base}/accept#token=${tokenOf(mail)}`);
  await page.locator("#invitation").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  assert.equal(await page.title(), "Acepta tu invitación");
  await page.getByText("Elige una contraseña").waitFor();
  assert.match(await page.locator("#invitation h1").textContent(), /Hotel Sol/);
  await page.screenshot({ path: join(SHOTS, "accept-es.png") });
  await assertAccessible(page, "the accept page in Spanish");
  // Keyboard only: the first field has focus after Tab from the heading, then type and Enter.
  await page.locator("#first_name").focus();
  await page.keyboard.type("Lucía");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Gil");
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await page.locator("#state-success").waitFor();
  assert.match(await page.locator("#state-success h1").textContent(), /Ya estás dentro/);
  assert.deepEqual(page.errors, []);
});

test("the reset and sign-in pages follow the browser's language", async () => {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(base + "/reset");
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.equal((await page.locator("#ask-button").textContent()).trim(), "Link zusenden");
  await page.screenshot({ path: join(SHOTS, "reset-de-390.png") });
  await assertAccessible(page, "the reset page in German");
  await page.goto(base + "/sign-in");
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.equal(await page.title(), "Anmelden");
  await page.screenshot({ path: join(SHOTS, "sign-in-de-390.png") });
  await assertAccessible(page, "the sign-in page in German");
  await context.close();
});

test("a person whose number was invited joins with a texted code, agreeing first, in Portuguese", async () => {
  await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { phone: "+34 611 222 333", first_name: "Rui", last_name: "Sá", channels: [] });
  const context = await browser.newContext({ locale: "pt-BR", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(base + "/sign-up");
  await page.waitForFunction(() => document.documentElement.lang === "pt-BR");
  await assertAccessible(page, "the sign-up page in Portuguese");
  await page.locator("#phone").fill("+34 611 222 333");
  await page.locator("#phone-button").click();
  await page.locator("#code-step").waitFor();
  const [text] = await outbox("+34611222333");
  const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text.text)[1];
  await page.locator("#code").fill(code);
  await page.locator("#first_name").fill("Rui");
  await page.locator("#password").fill(PASSWORD);
  // Without the consent box ticked, nothing is sent.
  await page.locator("#join-button").click();
  await page.locator("#code-error").waitFor();
  assert.equal(await page.locator("#joined").isHidden(), true);
  await page.locator("#consent").check();
  await page.screenshot({ path: join(SHOTS, "sign-up-pt-BR-390.png") });
  await assertAccessible(page, "the sign-up page's code step");
  await page.locator("#join-button").click();
  await page.locator("#joined").waitFor();
  assert.match(await page.locator("#memberships").textContent(), /Hotel Sol/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a quick access code handed over by staff is typed at /sign-in#code", async () => {
  const invited = await adminApi("POST", `/v1/tenants/${tenant.id}/invitations`, { email: "quick@example.com", first_name: "Quim", last_name: "Ros", channels: [] });
  const issued = await adminApi("POST", `/v1/tenants/${tenant.id}/users/${invited.body.id}/access-code`);
  assert.equal(issued.status, 201);
  const page = await newPage();
  await page.goto(base + "/sign-in#code");
  await page.locator("#code-address-input").fill("quick@example.com");
  await page.locator("#code-input").fill(issued.body.code);
  await assertAccessible(page, "the quick access code page");
  await page.locator("#code-submit").click();
  await page.locator("#signed-in").waitFor();
  assert.equal(await page.locator("#scope-note").isVisible(), true, "a code from staff reaches that organisation only");
  await page.screenshot({ path: join(SHOTS, "sign-in-access-code.png") });
  assert.deepEqual(page.errors, []);
});
