// The invite-and-accept path with the keyboard alone (WCAG 2.1.1): the admin signs in, opens
// the Invite dialog, fills it and sends it, and the invitee accepts, without a single click.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ADMIN, PASSWORD, SHOTS, newPage, start } from "./support.mjs";

let base, browser, stop;

before(async () => {
  ({ base, browser, stop } = await start("keyboard"));
});

after(async () => { await stop?.(); });

// Presses Tab until `selector` has the focus (at most `limit` times): the element is reachable.
async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`${selector} is not reachable with Tab`);
}

test("an admin invites and the invitee accepts with the keyboard alone", async () => {
  const page = await newPage(browser);
  await page.goto(base + "/admin");
  await tabTo(page, "#signin-email");
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press("Enter");
  await page.locator("#console").waitFor();

  await tabTo(page, "#open-invite");
  await page.keyboard.press("Enter");
  await page.locator("#invite-dialog").waitFor();
  await tabTo(page, "#inv-first");
  await page.keyboard.type("Kira");
  await tabTo(page, "#inv-last");
  await page.keyboard.type("Keys");
  await tabTo(page, "#inv-email");
  await page.keyboard.type("kira.keys@example.com");
  await tabTo(page, "#invite-submit");
  await page.keyboard.press("Enter");
  await page.locator(`tr[data-email="kira.keys@example.com"]`).waitFor();
  await page.keyboard.press("Escape");

  const res = await fetch(`${base}/dev/outbox?to=kira.keys@example.com`);
  const [mail] = (await res.json()).messages;
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)[1];
  const invitee = await newPage(browser);
  await invitee.goto(`${base}/accept#token=${token}`);
  await invitee.locator("#invitation").waitFor();
  await tabTo(invitee, "#first_name");
  await invitee.keyboard.type("Kira");
  await invitee.keyboard.press("Tab");
  await invitee.keyboard.type("Keys");
  await invitee.keyboard.press("Tab");
  await invitee.keyboard.type(PASSWORD);
  await invitee.keyboard.press("Enter");
  await invitee.locator("#state-success").waitFor();
  await invitee.screenshot({ path: join(SHOTS, "accept-success-keyboard.png") });
  assert.deepEqual([...page.errors, ...invitee.errors], []);
});
