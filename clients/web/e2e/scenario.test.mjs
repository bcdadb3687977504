// The browser scenario of issue 8, in Debian's Chromium against the API serving the built frontend.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, launch, shot, shotOf } from "./browser.mjs";
import { accessibilityViolations } from "./axe.mjs";

let browser;
let page;

before(async () => {
  browser = await launch();
  page = browser.page;
});
after(async () => {
  await browser?.close();
});

const api = async (path) => (await fetch(new URL(path, baseUrl))).json();
const stepIndex = async (p = page) => Number((await p.locator(".step .step-index").textContent()).replace("#", ""));

test("the catalog lists every topic by section", async () => {
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: "How CPython really works" }).waitFor();
  const { totalCount } = await api("/api/v1/topics?first=1");
  await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, totalCount);
  assert.match(await page.locator(".status-line").textContent(), new RegExp(`^${totalCount} topics`));
  await shot(page, "01-catalog", { fullPage: true });
});

test("a section filter narrows the catalog and lands in the URL", async () => {
  await page.getByRole("button", { name: /Hash-Based Data Structures/ }).click();
  await page.waitForURL(/section=data-structures/);
  const { totalCount } = await api("/api/v1/topics?section=data-structures&first=1");
  await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, totalCount);
  assert.equal(await page.getByRole("button", { name: /Hash-Based Data Structures/ }).getAttribute("aria-pressed"), "true");
  await shot(page, "02-catalog-filtered");
});

test("search finds the dict topic and the topic page shows its three layers", async () => {
  await page.getByRole("searchbox", { name: "Search topics" }).fill("perturb");
  await page.waitForURL(/q=perturb/);
  await page.getByRole("link", { name: /Dicts as Hash Tables/ }).click();
  await page.waitForURL(/\/topics\/dict-hash-tables/);
  await page.getByRole("heading", { level: 1, name: /Dicts as Hash Tables/ }).waitFor();
  for (const layer of ["Whiteboard", "Simulation", "Guide"]) {
    await page.getByRole("heading", { level: 2, name: layer }).waitFor();
  }
  const outline = page.getByRole("navigation", { name: "Guide outline" });
  assert.ok(await outline.getByRole("link").count() > 2);
  assert.ok(await page.locator(".references a[href*='github.com/python/cpython/blob/v3']").count() > 0);
  await shot(page, "03-dict-topic", { fullPage: true });
});

test("the topic page shows its benchmarks as charts drawn by the API", async () => {
  await page.goto("/topics/dict-hash-tables#benchmarks");
  const chart = page.locator("figure.benchmark img").first();
  await chart.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector("figure.benchmark img");
    return img && img.complete && img.naturalWidth > 0;
  });
  assert.match(await chart.getAttribute("src"), /^\/api\/v1\/benchmarks\/.+\.svg$/);
  assert.match(await chart.getAttribute("alt"), /dict/i);
  await chart.scrollIntoViewIfNeeded();
  await shot(page, "14-dict-benchmarks");
});

test("the whiteboard steps a diagram frame by frame with captions in an aria-live region", async () => {
  const topic = await api("/api/v1/topics/dict-hash-tables");
  assert.ok(topic.diagrams.length > 0, "the dict topic has diagrams");
  await page.goto("/topics/dict-hash-tables");
  const board = page.locator(".whiteboard").first();
  await board.waitFor();
  const live = board.locator("[aria-live='polite']");
  const spec = await api(`/api/v1/diagrams/${topic.diagrams[0]}`);
  assert.equal(await live.locator(".caption").textContent(), spec.frames[0].caption);
  assert.equal(await board.locator("svg desc").textContent(), spec.frames[0].alt);
  assert.ok(await board.locator("svg g, svg path").count() > 5, "rough.js drew the elements");
  await shotOf(board, "04-whiteboard-frame-1");
  await board.getByRole("button", { name: "Next frame" }).click();
  assert.equal(await live.locator(".caption").textContent(), spec.frames[1].caption);
  await board.locator(".wb-canvas").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await live.locator(".caption").textContent(), spec.frames[2].caption);
  assert.match(await board.locator(".frame-count").textContent(), new RegExp(`Frame 3 of ${spec.frames.length}`));
  await shotOf(board, "05-whiteboard-frame-3");
});

test("dict-probing runs on keys the test types, pages past step 150, and a reload lands on the same step", async () => {
  const { items } = await api("/api/v1/simulations");
  assert.ok(items.some((s) => s.id === "dict-probing"), "the dict-probing simulator is served");
  await page.goto("/topics/dict-hash-tables?sim=dict-probing");
  const form = page.locator(".sim-form");
  await form.waitFor();
  // The form generated from the simulator's schema: one group per operation, with op, key and value.
  const keys = ["'apple'", "'kiwi'", "'plum'"];
  for (const [i, key] of keys.entries()) {
    const row = form.getByRole("group", { name: `operations ${i + 1}`, exact: true });
    await row.getByRole("combobox", { name: "op" }).selectOption("set");
    await row.getByRole("textbox", { name: "key" }).fill(key);
  }
  // Drop the rest of the example (its delete of a key that is no longer there would end the run with KeyError).
  while (await form.getByRole("group", { name: "operations 4", exact: true }).count()) {
    await form.getByRole("button", { name: "Remove operations 4" }).click();
  }
  await shot(page, "06-dict-probing-form");
  // Then enough typed inserts, in the JSON editor, to grow the table through several resizes.
  await form.getByRole("checkbox", { name: "Edit as JSON" }).check();
  const box = form.getByRole("textbox", { name: "Input (JSON)" });
  const input = JSON.parse(await box.inputValue());
  assert.deepEqual(input.operations.map((o) => o.key), keys);
  for (let i = 0; i < 40; i++) input.operations.push({ op: "set", key: `'key${i}'`, value: String(i) });
  input.operations.push({ op: "get", key: "'kiwi'" });
  await box.fill(JSON.stringify(input));
  await form.getByRole("button", { name: "Run simulation" }).click();
  await page.locator(".step .message").waitFor();
  const last = Number((await page.locator(".jump").textContent()).match(/0–([\d,]+)/)[1].replace(/,/g, ""));
  assert.ok(last > 150, `the trace has more than 150 steps (${last + 1})`);
  const messages = [];
  await page.getByRole("spinbutton", { name: "Go to step" }).fill("151");
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#151");
  messages.push(await page.locator(".step .message").textContent());
  await page.getByRole("button", { name: "Next step" }).click();
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#152");
  await page.waitForURL(/step=152/);
  const message = await page.locator(".step .message").textContent();
  const deepLink = page.url();
  await shotOf(page.locator(".stage"), "07-dict-probing-step-152");
  await page.reload();
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#152");
  assert.equal(page.url(), deepLink);
  assert.equal(await page.locator(".step .message").textContent(), message);
  await page.getByRole("button", { name: "Last step" }).click();
  await page.waitForFunction((n) => document.querySelector(".step .step-index")?.textContent === `#${n}`, last);
  assert.match(await page.locator(".step .message").textContent(), /kiwi/);
});

test("the player pages past step 150, links each step to the CPython source, and a reload lands on the same step", async () => {
  await page.goto("/topics/sequences-slicing");
  const form = page.locator(".sim-form");
  await form.getByRole("spinbutton", { name: "length" }).fill("400");
  await form.getByRole("textbox", { name: "start" }).fill("");
  await form.getByRole("textbox", { name: "stop" }).fill("");
  await form.getByRole("textbox", { name: "step" }).fill("2");
  const pages = [];
  page.on("request", (r) => { if (r.url().includes("/steps?")) pages.push(new URL(r.url()).searchParams.get("at")); });
  await form.getByRole("button", { name: "Run simulation" }).click();
  await page.locator(".step .message").waitFor();
  assert.match(await page.locator(".jump").textContent(), /0–206/);

  // Step forward into the prefetch margin of the first page: the next page is fetched before it is needed.
  await page.getByRole("spinbutton", { name: "Go to step" }).fill("45");
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#45");
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("at=50")));
  assert.ok(pages.includes("50"), `prefetched the page at 50 (requests: ${pages})`);

  await page.getByRole("spinbutton", { name: "Go to step" }).fill("160");
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#160");
  assert.equal(await page.locator(".step .message").textContent(), "i = 154: copy item 308.");
  const source = page.locator(".step a.source");
  assert.match(await source.getAttribute("href"), /^https:\/\/github\.com\/python\/cpython\/blob\/v3\.13\.\d+\/Objects\/listobject\.c#L\d+$/);
  await page.getByRole("button", { name: "Next step" }).click();
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#161");
  await page.waitForURL(/step=161/);
  const deepLink = page.url();
  await shotOf(page.locator(".stage"), "08-slicing-step-161");

  await page.reload();
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#161");
  assert.equal(page.url(), deepLink);
  assert.equal(await page.getByRole("spinbutton", { name: "Go to step" }).inputValue(), "161");
  assert.equal(await page.getByRole("spinbutton", { name: "length" }).inputValue(), "400");
});

test("a bad input shows the API's problem details beside the field", async () => {
  const form = page.locator(".sim-form");
  await form.getByRole("textbox", { name: "step" }).fill("0x10");
  await form.getByRole("button", { name: "Run simulation" }).click();
  const error = form.locator(".field-error");
  await error.waitFor();
  assert.match(await error.textContent(), /integer/);
  assert.equal(await form.getByRole("textbox", { name: "step" }).getAttribute("aria-invalid"), "true");
  await shot(page, "09-player-invalid-input");
});

test("keyboard only: search, open a topic, run its simulation and step it", async () => {
  await page.goto("/");
  await page.locator(".card").first().waitFor();
  const focusUntil = async (predicate, max = 60) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(predicate)) return;
    }
    throw new Error("focus never reached the target");
  };
  await focusUntil(() => document.activeElement?.id === "topic-search");
  await page.keyboard.type("slicing");
  await page.keyboard.press("Enter");
  await page.waitForURL(/q=slicing/);
  await page.waitForFunction(() => document.querySelectorAll(".card").length >= 1);
  await focusUntil(() => document.activeElement?.getAttribute("href") === "/topics/sequences-slicing");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/topics\/sequences-slicing/);
  await page.locator(".sim-form").waitFor();
  await focusUntil(() => document.activeElement?.textContent === "Run simulation");
  await page.keyboard.press("Enter");
  await page.locator(".step .message").waitFor();
  await focusUntil(() => document.activeElement?.classList.contains("step"));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await stepIndex(), 3);
  await page.keyboard.press("End");
  const last = await stepIndex();
  await page.keyboard.press("ArrowLeft");
  assert.equal(await stepIndex(), last - 1);
  await page.keyboard.press("Home");
  assert.equal(await stepIndex(), 0);
  await page.keyboard.press("k");
  await page.waitForFunction(() => Number(document.querySelector(".step .step-index")?.textContent?.slice(1)) > 0, null, { timeout: 5000 });
  await page.keyboard.press("k");
  const focused = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focused, "none", "the focused element shows a focus ring");
  await shot(page, "10-keyboard-only");
});

test("the embed page plays a deep-linked step, and oEmbed describes it", async () => {
  const input = encodeURIComponent(JSON.stringify({ length: 400, start: null, stop: null, step: 2 }));
  const embed = `/embed/simulations/slicing?input=${input}&v=3.12&step=150`;
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(embed);
  await page.waitForFunction(() => document.querySelector(".step .step-index")?.textContent === "#150");
  assert.equal(await page.locator(".site-header").count(), 0, "no site chrome in the embed");
  assert.match(await page.locator(".step a.source").getAttribute("href"), /v3\.12\./);
  await shot(page, "11-embed-player");
  const oembed = await api(`/api/v1/oembed?url=${encodeURIComponent(new URL(embed, baseUrl).href)}&maxwidth=640`);
  assert.equal(oembed.type, "rich");
  assert.equal(oembed.width, 640);
  assert.ok(oembed.html.includes("step=150"));
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("dark theme and a phone-sized screen", async () => {
  const dark = await launch({ colorScheme: "dark", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await dark.page.goto("/");
    await dark.page.locator(".card").first().waitFor();
    const bg = await dark.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(bg, "rgb(20, 22, 26)");
    const overflow = await dark.page.evaluate(() => document.documentElement.scrollWidth - 390);
    assert.ok(overflow <= 0, `no horizontal scroll on a phone (overflow ${overflow}px)`);
    await shot(dark.page, "12-catalog-dark-phone");
    await dark.page.goto("/topics/sequences-slicing");
    await dark.page.getByRole("button", { name: "Run simulation" }).click();
    await dark.page.locator(".step .message").waitFor();
    const overflowTopic = await dark.page.evaluate(() => document.documentElement.scrollWidth - 390);
    assert.ok(overflowTopic <= 0, `topic page fits a phone (overflow ${overflowTopic}px)`);
    await dark.page.locator(".stage").scrollIntoViewIfNeeded();
    await shot(dark.page, "13-player-dark-phone");
    assert.deepEqual(dark.errors, []);
  } finally {
    await dark.close();
  }
});

test("axe-core finds no serious accessibility violation (contrast included) in light and dark", async () => {
  const pages = ["/", "/?section=data-structures", "/topics/sequences-slicing", "/embed/simulations/slicing?input=%7B%22length%22%3A10%7D&step=2"];
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    const b = await launch({ colorScheme });
    try {
      for (const url of pages) {
        await b.page.goto(url);
        await b.page.waitForLoadState("networkidle");
        if (url.startsWith("/topics")) await b.page.getByRole("button", { name: "Run simulation" }).click();
        if (!url.startsWith("/?") && url !== "/") await b.page.locator(".step .message").waitFor();
        found.push(...(await accessibilityViolations(b.page)).map((v) => `${colorScheme} ${url}: ${v}`));
      }
    } finally {
      await b.close();
    }
  }
  assert.deepEqual(found, []);
});

test("no page raised a script error", () => {
  assert.deepEqual(browser.errors.filter((e) => !e.includes("422") && !e.includes("Unprocessable")), []);
});
