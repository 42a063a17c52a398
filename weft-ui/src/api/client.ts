import createClient from "openapi-fetch";
import type { paths } from "./schema.gen";

/**
 * The API client, typed from the server's OpenAPI document (generated into schema.gen.ts at every
 * build, so the UI cannot drift from the API: a changed route or schema fails `tsc`).
 */
export const api = createClient<paths>({ baseUrl: "" });
