// Launches Debian's Chromium (never a downloaded browser) through playwright-core with a fresh profile.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const baseUrl = process.env.PYNSIGHTS_WEB_URL ?? process.env.PYNSIGHTS_API_URL ?? "";
if (!baseUrl) throw new Error("PYNSIGHTS_WEB_URL is not set: run clients/test.sh, or start the API (serving clients/web/dist) and export its address");

export const screenshots = resolve(process.env.PYNSIGHTS_SCREENSHOTS ?? new URL("../../../.artifacts/test-results/screenshots", import.meta.url).pathname);
mkdirSync(screenshots, { recursive: true });

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The flags that keep Chromium off the network on a closed machine (no component updates, sync or QUIC probes).
const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

/** A browser context on a fresh --user-data-dir; close() also deletes the profile. */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "pynsights-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args, baseURL: baseUrl, viewport: { width: 1280, height: 900 }, ...options,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return {
    context, page, errors,
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

export async function shot(page, name, options = {}) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), ...options });
}

/** A screenshot of one element (the player's stage, the whiteboard). */
export async function shotOf(locator, name) {
  await locator.screenshot({ path: join(screenshots, `${name}.png`) });
}
