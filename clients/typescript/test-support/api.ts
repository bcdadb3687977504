import { createPynsightsClient } from "../src/index.js";

/** The API under test: test.sh starts one (Release build, loopback port) and passes its address. */
export const baseUrl = process.env.PYNSIGHTS_API_URL ?? "";
if (!baseUrl) {
  throw new Error("PYNSIGHTS_API_URL is not set: run clients/test.sh, or start the API and export its address");
}

export const client = createPynsightsClient({ baseUrl });
