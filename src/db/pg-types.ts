import pg from 'pg';

// LiteLLM stores int8 counters and naive-UTC timestamp(3) columns; pg would hand back strings and local times.
let installed = false;

export function installPgTypeParsers(): void {
  if (installed) return;
  installed = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  });
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(v.replace(' ', 'T') + 'Z'));
  pg.defaults.parseInputDatesAsUTC = true;
}
