import { test } from "node:test";
import assert from "node:assert/strict";
import { ProblemError, type Step } from "../src/index.js";
import { client } from "../test-support/api.js";

test("sections lists the manual's sections in order", async () => {
  const sections = await client.sections();
  assert.ok(sections.length >= 8);
  assert.deepEqual(sections.map((s) => s.order), [...sections.map((s) => s.order)].sort((a, b) => a - b));
  assert.ok(sections.some((s) => s.id === "data-structures"));
});

test("topics pages with cursors and allTopics follows them to the end", async () => {
  const first = await client.topics({ first: 2 });
  assert.equal(first.edges.length, 2);
  assert.ok(first.pageInfo.hasNextPage);
  const second = await client.topics({ first: 2, after: first.pageInfo.endCursor! });
  assert.notEqual(second.edges[0]!.node.id, first.edges[0]!.node.id);
  const all = [];
  for await (const topic of client.allTopics({ first: 5 })) all.push(topic);
  assert.equal(all.length, first.totalCount);
  assert.equal(new Set(all.map((t) => t.id)).size, all.length);
});

test("topics filters by section and searches", async () => {
  const page = await client.topics({ section: "data-structures" });
  assert.ok(page.edges.length > 0);
  assert.ok(page.edges.every((e) => e.node.section === "data-structures"));
  const search = await client.topics({ q: "perturb" });
  assert.ok(search.edges.some((e) => e.node.id === "dict-hash-tables"));
});

test("topic returns the guide with HTML and an outline", async () => {
  const topic = await client.topic("dict-hash-tables");
  assert.equal(topic.status, "published");
  assert.ok(topic.guide);
  assert.match(topic.guide.html, /<h2 id="/);
  assert.ok(topic.guide.outline.length > 2);
  assert.ok(topic.references.some((r) => r.kind === "cpython"));
});

test("an unknown topic is a ProblemError of type not-found", async () => {
  await assert.rejects(client.topic("no-such-topic"), (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 404);
    assert.equal(error.type, "/problems/not-found");
    return true;
  });
});

test("a page size over the limit is a ProblemError naming the field and the limit", async () => {
  await assert.rejects(client.topics({ first: 500 }), (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 400);
    assert.equal(error.type, "/problems/invalid-parameter");
    assert.equal(error.field, "first");
    assert.equal(error.limit, 100);
    return true;
  });
});

test("simulators lists slicing, list-growth and hash, each with an input schema and examples", async () => {
  const ids = (await client.simulators()).map((s) => s.id);
  for (const id of ["slicing", "list-growth", "hash"]) assert.ok(ids.includes(id), id);
  const slicing = await client.simulator("slicing");
  assert.equal(slicing.inputSchema.type, "object");
  assert.ok(Object.keys(slicing.inputSchema.properties ?? {}).includes("step"));
  assert.ok(slicing.examples.length > 0);
});

test("simulate is deterministic: the same input gives the same trace id", async () => {
  const a = await client.simulate("slicing", { length: 10, start: 1, stop: 8, step: 3 });
  const b = await client.simulate("slicing", { step: 3, stop: 8, start: 1, length: 10 });
  assert.equal(a.id, b.id);
  assert.equal(a.simulator, "slicing");
  assert.ok(a.stepCount > 0);
  assert.deepEqual((a.result as { selected: number[] }).selected, [1, 4, 7]);
  assert.equal((await client.trace(a.id)).stepCount, a.stepCount);
});

test("simulate with a bad input is a ProblemError with the field errors", async () => {
  await assert.rejects(client.simulate("slicing", { length: -1 }), (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.type, "/problems/invalid-input");
    assert.ok(error.errors.length >= 1);
    assert.ok(error.field);
    return true;
  });
});

test("steps follows cursors across pages and yields every index once, in order", async () => {
  const trace = await client.simulate("slicing", { length: 400, start: null, stop: null, step: 2 });
  assert.ok(trace.stepCount > 150);
  const indices: number[] = [];
  let last: Step | undefined;
  for await (const step of client.steps(trace.id, { pageSize: 64 })) {
    indices.push(step.index);
    last = step;
  }
  assert.equal(indices.length, trace.stepCount);
  assert.deepEqual(indices, [...Array(trace.stepCount).keys()]);
  assert.ok(last?.message);
});

test("steps can start at an index, and every step carries its CPython source when it has one", async () => {
  const trace = await client.simulate("slicing", { length: 400, start: null, stop: null, step: 2 });
  const seen: Step[] = [];
  for await (const step of client.steps(trace.id, { from: 150, pageSize: 20 })) {
    seen.push(step);
    if (seen.length === 30) break;
  }
  assert.equal(seen[0]!.index, 150);
  assert.equal(seen[29]!.index, 179);
  const withSource = seen.find((s) => s.source);
  assert.match(withSource!.source!.url, /^https:\/\/github\.com\/python\/cpython\/blob\/v3\./);
});

test("oembed describes the embed player of a topic as a rich iframe within maxwidth", async () => {
  const { baseUrl } = await import("../test-support/api.js");
  const embed = await client.oembed(`${baseUrl}/topics/sequences-slicing`, { maxwidth: 500 });
  assert.equal(embed.type, "rich");
  assert.equal(embed.width, 500);
  assert.match(embed.html, /^<iframe src="[^"]+\/embed\/simulations\/slicing"/);
});

test("benchmarks of a topic carry their numbers, environment, script and chart", async () => {
  const benchmarks = await client.benchmarks("dict-hash-tables");
  const lookup = benchmarks.find((b) => b.id === "dict-vs-alternatives");
  assert.ok(lookup, "dict-vs-alternatives is listed");
  assert.ok(lookup.series.length >= 2 && lookup.script.includes("timeit"));
  assert.ok(lookup.links.svg.endsWith("/dict-vs-alternatives.svg"));
});

test("diagrams lists a topic's diagrams and diagram returns a spec with frames, captions and alt text", async () => {
  const topic = await client.topic("dict-hash-tables");
  const listed = await client.diagrams("dict-hash-tables");
  assert.deepEqual(listed.map((d) => d.id).sort(), [...topic.diagrams].sort());
  const spec = await client.diagram(listed[0]!.id);
  assert.equal(spec.topic, "dict-hash-tables");
  assert.ok(spec.frames.length >= 3);
  assert.ok(spec.frames.every((f) => f.caption && f.alt));
  await assert.rejects(client.diagram("no-such-diagram"), (e: unknown) => e instanceof ProblemError && e.status === 404);
});
