// Runs every graphql-http server audit against the URL given as the first argument and
// prints one JSON line per audit: {id, name, status, reason}. The Python test decides.
import { serverAudits } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node audit_graphql_http.mjs <graphql url>");
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push({
    id: audit.id,
    name: audit.name,
    status: result.status,
    reason: result.status === "ok" ? "" : String(result.reason),
  });
}
process.stdout.write(JSON.stringify(results));
