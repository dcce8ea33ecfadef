/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), for the browser
 * tests and the screenshots. Missing Chromium or a missing UI build fail loudly, not skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { webUiFolder } from '../../src/http/web-ui';

const CHROMIUM_PATH = process.env.ETS_CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. ` +
        'Install it with `apt-get install -y chromium` (or set ETS_CHROMIUM_PATH).',
    );
  }
  if (!existsSync(join(webUiFolder(), 'index.html'))) {
    throw new Error(`The web UI is not built in ${webUiFolder()}: run \`npm run build:web\` first (npm test does).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
