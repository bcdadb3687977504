import { test } from "node:test";
import assert from "node:assert/strict";
import {
  GraphQLError, SectionsQuery, SimulateMutation, SimulatorQuery, SimulatorsQuery, TopicQuery, TopicsQuery, TraceStepsQuery,
} from "../src/index.js";
import { client } from "../test-support/api.js";

test("GraphQL sections and topics agree with REST", async () => {
  const { sections } = await client.graphql(SectionsQuery);
  assert.deepEqual(sections.map((s) => s.id), (await client.sections()).map((s) => s.id));
  const { topics } = await client.graphql(TopicsQuery, { section: "data-structures", first: 2 });
  const rest = await client.topics({ section: "data-structures", first: 2 });
  assert.deepEqual(topics.edges.map((e) => e.node.id), rest.edges.map((e) => e.node.id));
  assert.equal(topics.totalCount, rest.totalCount);
});

test("GraphQL topic has the guide outline", async () => {
  const { topic } = await client.graphql(TopicQuery, { id: "dict-hash-tables" });
  assert.equal(topic?.status, "PUBLISHED");
  assert.ok(topic?.guide?.outline.length);
  assert.ok(topic?.diagrams.some((d) => d.id === "dict-index-table" && d.frameCount >= 3));
  assert.ok(topic?.benchmarks.some((b) => b.id === "dict-vs-alternatives"));
});

test("GraphQL simulate gives the REST trace id, and trace steps page from an index", async () => {
  const input = { length: 400, start: null, stop: null, step: 2 };
  const { simulate } = await client.graphql(SimulateMutation, { simulator: "slicing", input });
  assert.equal(simulate.id, (await client.simulate("slicing", input)).id);
  const { trace } = await client.graphql(TraceStepsQuery, { id: simulate.id, at: 150, first: 5 });
  assert.deepEqual(trace?.steps.edges.map((e) => e.node.index), [150, 151, 152, 153, 154]);
});

test("GraphQL simulators and simulator carry the input schema", async () => {
  const { simulators } = await client.graphql(SimulatorsQuery);
  assert.ok(simulators.some((s) => s.id === "hash"));
  const { simulator } = await client.graphql(SimulatorQuery, { id: "hash" });
  assert.equal(simulator?.inputSchema.type, "object");
});

test("GraphQL errors surface as GraphQLError with extensions.code", async () => {
  await assert.rejects(client.graphql(TopicsQuery, { first: 2, after: "not-a-cursor" }), (error: unknown) => {
    assert.ok(error instanceof GraphQLError);
    assert.equal(error.code, "INVALID_CURSOR");
    return true;
  });
});
