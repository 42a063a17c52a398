import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { dataOr } from "../api/problem";

/** The section of a namespaced path (`workflows`, `task-queues`, `nodes`), kept on a switch. */
export function sectionOf(pathname: string): string {
  const m = /^\/namespaces\/[^/]+\/([^/]+)/.exec(pathname);
  return m?.[1] ?? "workflows";
}

/** Switches the namespace the pages show, from `GET /api/v1/namespaces`. */
export function NamespacePicker({ namespace }: { namespace: string }) {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const list = useQuery({
    queryKey: ["namespaces"],
    queryFn: async () => dataOr(await api.GET("/api/v1/namespaces")),
    staleTime: 30_000,
  });
  const names = list.data?.namespaces.map((n) => n.name) ?? [];
  if (!names.includes(namespace)) names.unshift(namespace);
  return (
    <span className="namespace-picker">
      <label htmlFor={id}>Namespace </label>
      <select
        id={id}
        value={namespace}
        onChange={(e) =>
          navigate(`/namespaces/${encodeURIComponent(e.target.value)}/${sectionOf(location.pathname)}`)
        }
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </span>
  );
}
