/** The arguments typed in an action's form: a JSON array (empty text: no arguments). */
export type ParsedArgs = { args: unknown[]; error?: undefined } | { args?: undefined; error: string };

/** Reads positional arguments from JSON text, or says why it cannot. */
export function parseArgs(text: string): ParsedArgs {
  if (text.trim() === "") return { args: [] };
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? { args: v } : { error: 'Arguments are a JSON array, e.g. ["yes", 2]' };
  } catch (e) {
    return { error: `Not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
