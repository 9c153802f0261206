/** The part of openrouteservice-js (which ships no types) this adapter uses. */
declare module 'openrouteservice-js' {
  interface OrsClientArgs {
    host?: string;
    api_key?: string;
    timeout?: number;
  }
  class OrsMatrix {
    constructor(args: OrsClientArgs);
    calculate(args: Record<string, unknown>): Promise<{
      durations?: (number | null)[][];
      distances?: (number | null)[][];
      metadata?: { engine?: { version?: string; build_date?: string; graph_date?: string } };
    }>;
  }
  class OrsDirections {
    constructor(args: OrsClientArgs);
    calculate(args: Record<string, unknown>): Promise<unknown>;
  }
  const Openrouteservice: { Matrix: typeof OrsMatrix; Directions: typeof OrsDirections };
  export default Openrouteservice;
}
