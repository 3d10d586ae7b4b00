declare module 'autocannon' {
  interface Result {
    requests: { total: number };
    duration: number;
    errors: number;
    timeouts: number;
  }
  interface Instance {
    on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  }
  function autocannon(opts: Record<string, unknown>, cb: (err: Error | null, result: Result) => void): Instance;
  export = autocannon;
}
