import { useId, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { session } from "./session";

/**
 * Shown when the server answers 401: no token yet, or the tab's token expired or was revoked. The
 * token stays in this tab only (sessionStorage) and is sent as a Bearer token.
 */
export function LoginPage() {
  const [token, setToken] = useState("");
  const queryClient = useQueryClient();
  const inputId = useId();
  return (
    <main className="login">
      <h1>Sign in to Weft</h1>
      <p>
        This server needs an API token (or the one you used expired or was revoked). An admin makes
        one with <code>weft token create</code>.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const t = token.trim();
          if (t === "") return;
          session.signIn(t);
          void queryClient.invalidateQueries();
        }}
      >
        <label htmlFor={inputId}>API token</label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
        <button type="submit" className="button primary" disabled={token.trim() === ""}>
          Sign in
        </button>
      </form>
    </main>
  );
}
