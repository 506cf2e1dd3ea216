// How a normalized cache keys Igren's types: the setup docs/api.md shows, imported as is by the
// contract tests (tests/js/urql_graphcache.mjs, tests/js/apollo_cache.mjs).
//
// Every stored object implements `Node` and is keyed by `id` (the default of both caches).
// The types below are values inside their parent, not objects of their own: a page of a list,
// its paging, an SEO block, a link to a page (the page itself is `page`, keyed as itself).
export const embeddedTypes = [
  "EventList",
  "ProjectList",
  "Pagination",
  "EventMonth",
  "Seo",
  "FeedLinks",
  "PageLink",
  "EventLink",
  "FocalPoint",
  "SearchResults",
  "ActivityReport",
  "ReportGroup",
];

// urql's graphcache: `cacheExchange({ keys: urqlKeys })`.
export const urqlKeys = {
  ...Object.fromEntries(embeddedTypes.map((name) => [name, () => null])),
  // A redirect is known by the path it redirects.
  Redirect: (redirect) => redirect.oldPath,
};

// Apollo Client: `new InMemoryCache({ possibleTypes, typePolicies: apolloTypePolicies })`.
export const apolloTypePolicies = {
  ...Object.fromEntries(embeddedTypes.map((name) => [name, { keyFields: false }])),
  Redirect: { keyFields: ["oldPath"] },
};
