// axe-core (npm) in the page under test: WCAG 2.x A and AA rules, and the serious or critical
// violations it finds. The source is evaluated through the DevTools protocol, which the pages'
// Content-Security-Policy (scripts from their own origin only) does not block.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const AXE = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function violations(page, include) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const found = await page.evaluate(async ({ include, tags }) => {
    const context = include ? { include: [include] } : document;
    const result = await window.axe.run(context, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  }, { include, tags: TAGS });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

// Fails with what axe found on `what` (the whole page, or the part `include` selects).
export async function assertAccessible(page, what, include) {
  const bad = await violations(page, include);
  assert.deepEqual(bad, [], `${what}: ${JSON.stringify(bad, null, 1)}`);
}
