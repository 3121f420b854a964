// What every browser test file needs: the local server (target/debug/local on a free loopback
// port, with its own data folder and the memory backend), a tenant with its first admin, and
// Debian's Chromium driven by Playwright (playwright-core). Screenshots go to target/screenshots/.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SHOTS = join(ROOT, "target", "screenshots");
export const PASSWORD = "correct horse battery staple";
export const ADMIN = { email: "admin@hotel-sol.example", password: PASSWORD, first_name: "Ada", last_name: "Admin" };

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// Starts the server and the browser, and creates "Hotel Sol" with ADMIN: `{base, tenant:
// {id, token}, browser, stop()}`.
export async function start(name) {
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `invitations-${name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(join(ROOT, "target", "debug", "local"), [], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, BACKEND: "memory", RUST_LOG: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + "/healthz")).ok) break; } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const res = await fetch(base + "/dev/tenants", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Hotel Sol", products: ["service", "chat"], sms_countries: ["ES"], admin: ADMIN }),
  });
  assert.equal(res.status, 201);
  const created = await res.json();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  const stop = async () => {
    await browser.close();
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { base, tenant: { id: created.tenant_id, token: created.token }, browser, stop };
}

// A page that collects script errors (answers the page handles, such as a 404 for an unknown
// link, are not errors) and accepts confirm() dialogs, keeping their messages.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.confirms = [];
  page.on("dialog", (d) => { page.confirms.push(d.message()); d.accept(); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text()); });
  page.errors = errors;
  return page;
}

export async function signIn(page, base) {
  await page.goto(base + "/admin");
  const form = page.locator("#signin");
  await form.getByLabel("Email").fill(ADMIN.email);
  await form.getByLabel("Password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.locator("#console").waitFor();
  await page.locator("#stat-active").filter({ hasText: /\d/ }).waitFor();
}
