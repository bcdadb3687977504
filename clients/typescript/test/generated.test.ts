import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { baseUrl } from "../test-support/api.js";
// @ts-expect-error plain ES module without declarations, shared with `npm run generate`
import { generateTypes } from "../../scripts/openapi-types.mjs";

test("the committed src/openapi.ts matches the OpenAPI document the API serves now", async () => {
  const committed = await readFile(fileURLToPath(new URL("../../src/openapi.ts", import.meta.url)), "utf8");
  const fresh: string = await generateTypes(baseUrl);
  assert.equal(committed, fresh, "the client is stale: run `npm run generate` in clients/typescript against a running API and commit src/openapi.ts");
});
