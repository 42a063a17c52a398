import { useSyncExternalStore } from "react";
import { connection } from "./connection";
import { session } from "./session";

/** Whether the server asked for a token (a 401), as React state. */
export function useLoginRequired(): boolean {
  return useSyncExternalStore(session.subscribe, session.loginRequired);
}

/** Whether the server stopped answering, as React state. */
export function useServerDown(): boolean {
  return useSyncExternalStore(connection.subscribe, connection.isDown);
}
