// Types for every operation, from the live API (IGREN_API, e.g. http://127.0.0.1:8000/graphql/)
// or, without it, from the schema committed beside the plugin. The operations are the
// contract's own documents (docs/contract/*.graphql); a project of its own copies them into
// src/queries/ and points `documents` there.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: process.env.IGREN_API || "../../igren_cms/schema.graphql",
  documents: process.env.IGREN_DOCUMENTS || "../../docs/contract/*.graphql",
  generates: {
    "src/gql/": {
      preset: "client",
      config: {
        scalars: { Date: "string", DateTime: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
