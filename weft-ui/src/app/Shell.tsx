import { NavLink, Outlet, useParams } from "react-router";
import { ConnectionBanner } from "./ConnectionBanner";
import { LoginPage } from "./LoginPage";
import { NamespacePicker } from "./NamespacePicker";
import { ThemeToggle } from "./ThemeToggle";
import { session } from "./session";
import { useLoginRequired } from "./useExternal";

/** The default namespace of a Weft server (`weft dev`, `weft server` without --namespace). */
export const DEFAULT_NAMESPACE = "default";

/**
 * The frame of every page: the top bar (namespace picker, navigation, theme), the banner while the
 * server does not answer, and the page, or the login page while the server asks for a token.
 */
export function Shell() {
  const { namespace = DEFAULT_NAMESPACE } = useParams();
  const loginRequired = useLoginRequired();
  const ns = `/namespaces/${encodeURIComponent(namespace)}`;
  return (
    <>
      <header className="topbar">
        <p className="brand">Weft</p>
        <NamespacePicker namespace={namespace} />
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to={`${ns}/workflows`}>Workflows</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/task-queues`}>Task queues</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/batch-operations`}>Batches</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/assets`}>Assets</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/asset-graph`}>Lineage</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/backfills`}>Backfills</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/schedules`}>Schedules</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/sensors`}>Sensors</NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/hooks`}>Webhooks</NavLink>
            </li>
            <li>
              <NavLink to="/namespaces" end>
                Namespaces
              </NavLink>
            </li>
            <li>
              <NavLink to={`${ns}/nodes`}>Nodes</NavLink>
            </li>
          </ul>
        </nav>
        <span className="spacer" />
        <ThemeToggle />
        {session.token() !== null && (
          <button type="button" className="button quiet" onClick={() => session.signOut()}>
            Sign out
          </button>
        )}
      </header>
      <ConnectionBanner />
      {loginRequired ? (
        <LoginPage />
      ) : (
        <main className="page">
          <Outlet />
        </main>
      )}
    </>
  );
}
