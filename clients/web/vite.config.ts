import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API (PYNSIGHTS_API_URL, default http://127.0.0.1:8080); `npm run build` writes dist/,
// which the API serves itself (src/Api/Web).
const api = process.env.PYNSIGHTS_API_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: Object.fromEntries(["/api", "/graphql", "/health", "/problems", "/swagger"].map((p) => [p, { target: api, changeOrigin: false }])),
  },
});
