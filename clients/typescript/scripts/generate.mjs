// Generates src/openapi.ts from the OpenAPI document a running API serves.
//   PYNSIGHTS_API_URL=http://127.0.0.1:8080 npm run generate
// The same function is used by the tests (test/generated.test.ts) to prove the committed file is current.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generateTypes } from "./openapi-types.mjs";

const base = process.env.PYNSIGHTS_API_URL ?? "http://127.0.0.1:8080";
const target = fileURLToPath(new URL("../src/openapi.ts", import.meta.url));
const text = await generateTypes(base);
await writeFile(target, text);
console.log(`wrote ${target} from ${base}/swagger/v1/swagger.json`);
