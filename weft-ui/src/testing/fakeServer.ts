/**
 * A stand-in for the Weft server in component tests: the global fetch answers with `handle`, and
 * every request is kept for assertions.
 */
export type Handler = (url: URL, request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

export function problem(status: number, slug: string, title: string, detail: string): Response {
  return json({ type: `https://weft.dev/problems/${slug}`, title, status, detail }, status);
}

export function fakeServer(handle: Handler) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return handle(new URL(request.url), request);
  };
  vi.stubGlobal("fetch", fetch);
  return {
    requests,
    /** The requests to a path (no query), in order. */
    to(path: string): Request[] {
      return requests.filter((r) => new URL(r.url).pathname === path);
    },
  };
}

/** jsdom lays nothing out: give every element a size so the virtualizer has a viewport. */
export function stubLayout(width = 1280, height = 600) {
  const proto = HTMLElement.prototype;
  const sizes: Record<string, number> = {
    offsetHeight: height,
    offsetWidth: width,
    clientHeight: height,
    clientWidth: width,
  };
  const saved = Object.keys(sizes).map((k) => {
    const owner = k.startsWith("client") ? Element.prototype : proto;
    return [owner, k, Object.getOwnPropertyDescriptor(owner, k)] as const;
  });
  for (const [owner, k] of saved) {
    Object.defineProperty(owner, k, { configurable: true, get: () => sizes[k] });
  }
  return () => {
    for (const [owner, k, d] of saved) {
      if (d) Object.defineProperty(owner, k, d);
    }
  };
}
