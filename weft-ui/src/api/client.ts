import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema.gen";
import { session } from "../app/session";
import { connection } from "../app/connection";

/**
 * Sends the tab's token as a Bearer token, sends the user to login on a 401 (no token, expired or
 * revoked), and tells the connection banner when the server stops answering (a gateway error
 * without the server's problem document).
 */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token !== null) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.unauthorized();
    // a problem document is the server answering (e.g. 503 `no-asset-host`), not a gateway failing
    const answered = response.headers.get("Content-Type")?.includes("application/problem+json") ?? false;
    if (response.status >= 502 && response.status <= 504 && !answered) connection.markDown();
    else connection.markUp();
    return response;
  },
  onError() {
    connection.markDown();
  },
};

/**
 * The API client, typed from the server's OpenAPI document (generated into schema.gen.ts at every
 * build, so the UI cannot drift from the API: a changed route or schema fails `tsc`).
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  // looked up at each call, so that tests can stub the global fetch
  fetch: (request) => globalThis.fetch(request),
});
api.use(sessionMiddleware);
