/**
 * Whether the server answers. A request that fails at the network level (or a proxy's 502-504)
 * marks it down; the banner then polls `GET /api/v1/health` until it answers again.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let down = false;

function set(value: boolean) {
  if (down !== value) {
    down = value;
    for (const l of listeners) l();
  }
}

export const connection = {
  isDown(): boolean {
    return down;
  },
  markDown() {
    set(true);
  },
  markUp() {
    set(false);
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
