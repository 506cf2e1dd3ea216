// Apollo Client 4 against the served site: automatic persisted queries sent with GET
// (useGETForHashedQueries), plain queries with GET (useGETForQueries). Prints JSON lines.
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const endpoint = process.argv[2];
const seen = [];
const loggingFetch = async (url, init) => {
  const response = await fetch(url, init);
  seen.push({ method: init.method, status: response.status, hashOnly: !String(url).includes("query=") && init.method === "GET" });
  return response;
};
const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const http = new HttpLink({ uri: endpoint, fetch: loggingFetch, useGETForQueries: true });
const apq = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
const client = new ApolloClient({ link: apq.concat(http), cache: new InMemoryCache() });
const query = gql`query Apq { navigation { title path } }`;
const first = await client.query({ query, fetchPolicy: "network-only" });
const second = await client.query({ query, fetchPolicy: "network-only" });
const plain = new ApolloClient({ link: http, cache: new InMemoryCache() });
const third = await plain.query({ query: gql`query Plain { home { title } }` });
console.log(JSON.stringify({ first: first.data, second: second.data, third: third.data, seen }));
