// urql with graphcache, as a mobile app or a frontend would set it up (docs/api.md): the
// contract's documents (docs/contract/*.graphql) against the live endpoint, for every path given.
// Prints one JSON object: graphcache's warnings, and what each query gave.
import { readFileSync } from "node:fs";
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { getIntrospectionQuery, parse } from "graphql";
import { urqlKeys } from "../../docs/contract/cache-config.mjs";

const [endpoint, pathsJson] = process.argv.slice(2);
const paths = JSON.parse(pathsJson);
const warnings = [];
const requests = [];
console.warn = (...args) => warnings.push(args.map(String).join(" "));

const countingFetch = async (url, init) => {
  requests.push(init?.method ?? "GET");
  return fetch(url, init);
};
const introspection = await (
  await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  })
).json();
const client = new Client({
  url: endpoint,
  fetch: countingFetch,
  preferGetMethod: false,
  exchanges: [cacheExchange({ keys: urqlKeys, schema: introspection.data }), fetchExchange],
});
const doc = (name) => parse(readFileSync(new URL(`../../docs/contract/${name}`, import.meta.url), "utf8"));
const pageDoc = doc("page.graphql");
const searchDoc = doc("search.graphql");

const results = [];
for (const path of paths) {
  const before = requests.length;
  const result = await client.query(pageDoc, { path }, { requestPolicy: "network-only" }).toPromise();
  results.push({
    path,
    typename: result.data?.page?.__typename ?? null,
    error: result.error ? String(result.error) : null,
    requests: requests.length - before,
  });
}
const search = await client.query(searchDoc, { query: "サロン" }).toPromise();
results.push({ search: search.data?.search?.items?.length ?? null, error: search.error ? String(search.error) : null });
console.log(JSON.stringify({ warnings, results }));
