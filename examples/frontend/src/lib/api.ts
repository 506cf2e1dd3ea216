// One function talks to the API: GET the typed document (GETs are answered from the API's
// response cache and any CDN in front of it), get typed data. It counts its requests per page
// render, which the page sends back as X-GraphQL-Requests (the starter's test checks that
// every page costs one request). A server-rendered frontend asks for every visitor from one
// address: list it in the API's IGREN_API["BUDGET_EXEMPT"] (IGREN_BUDGET_EXEMPT in the
// standalone site) so the per-client cost budget does not throttle the whole site.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export const API = process.env.IGREN_API || "http://127.0.0.1:8000/graphql/";

export class ApiError extends Error {}

export async function request<Data, Variables>(
  counter: { requests: number },
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  counter.requests += 1;
  const url = new URL(API);
  url.searchParams.set("query", print(document));
  url.searchParams.set("variables", JSON.stringify(variables));
  const response = await fetch(url, {
    headers: {
      accept: "application/graphql-response+json, application/json;q=0.9",
      "apollographql-client-name": "igren-frontend-starter",
    },
  });
  const body = await response.json();
  if (body.errors?.length && !body.data) {
    throw new ApiError(body.errors.map((e: { message: string }) => e.message).join("; "));
  }
  return body.data as Data;
}
