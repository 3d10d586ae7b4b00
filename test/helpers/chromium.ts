import fs from 'node:fs';

/** Debian's Chromium for the browser tests: required under CI (.ci/run installs it), skipped with a message elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = fs.existsSync(CHROMIUM);

/** `test` when Chromium is there, `test.skip` (with a warning naming the test) when it is not. */
export function browserTest(what: string): jest.It {
  const available = chromiumAvailable;
  if (!available && process.env.CI === 'true') throw new Error(`${what}: ${CHROMIUM} is missing under CI (.ci/run installs Debian's chromium)`);
  if (!available) console.warn(`${what} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; it always runs under CI=true)`);
  return available ? test : test.skip;
}
