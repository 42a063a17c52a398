import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { connection } from "./connection";
import { useServerDown } from "./useExternal";

/** How often the banner asks `GET /api/v1/health` while the server is down. */
export const HEALTH_POLL_MS = 2000;

/**
 * A banner while the server does not answer. It polls the health route until the server is back,
 * then disappears and refetches every query of the page.
 */
export function ConnectionBanner() {
  const down = useServerDown();
  const queryClient = useQueryClient();
  const health = useQuery({
    queryKey: ["health-while-down"],
    queryFn: async () => {
      const { response } = await api.GET("/api/v1/health");
      return response.ok;
    },
    enabled: down,
    retry: false,
    refetchInterval: down ? HEALTH_POLL_MS : false,
    gcTime: 0,
  });
  const back = down && health.data === true && !health.isFetching;
  useEffect(() => {
    if (back) {
      connection.markUp();
      void queryClient.invalidateQueries();
    }
  }, [back, queryClient]);
  if (!down) return null;
  return (
    <div role="alert" className="banner">
      The Weft server does not answer. Retrying every {HEALTH_POLL_MS / 1000} s; the page picks up
      where it was when it is back.
    </div>
  );
}
