// Server-rendered: every request asks the API for the page at its path, so a publish shows at
// once and unknown paths are real 404s.
import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "server",
  adapter: node({ mode: "standalone" }),
  server: { host: "127.0.0.1" },
  // The API's HTML (bodies, introductions) is already made safe by the server's gate.
  security: { checkOrigin: true },
});
