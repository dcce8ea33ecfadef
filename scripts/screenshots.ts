/**
 * npm run screenshots: starts ETS on a fresh embedded store, seeds a realistic few hours
 * (test/fixtures/incident-story.ts) and writes PNGs of the main views to docs/screenshots/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { projectRoot } from '../src/config/paths';
import { startEts } from '../src/start';
import { EtsClient } from 'ets-client';
import { loadConfig } from '../src/config';
import { launchChromium } from '../test/helpers/browser';
import { incidentStory } from '../test/fixtures/incident-story';

/** The timeline with its histogram bars: the view is complete. */
const DRAWN = ['[data-testid=timeline]', '.histogram-bar'];

const VIEWS: Array<{ file: string; query: string; width: number; height: number; wait: string[] }> = [
  { file: 'timeline.png', query: '?range=6h', width: 1600, height: 900, wait: DRAWN },
  {
    file: 'filtered.png',
    query: '?range=6h&tag.service=payments&tag.service=checkout-api&not.type=commit&lane=type',
    width: 1600,
    height: 900,
    wait: DRAWN,
  },
  {
    file: 'event-details.png',
    query: '?range=6h&event=demo-incident-checkout-5xx',
    width: 1600,
    height: 1000,
    wait: [...DRAWN, '[data-testid=cause-graph]'],
  },
  {
    file: 'laptop.png',
    query: '?range=6h&not.type=commit&event=demo-rollback-payments',
    width: 1366,
    height: 768,
    wait: DRAWN,
  },
  {
    file: 'empty.png',
    query: '?range=1h&tag.service=billing',
    width: 1366,
    height: 600,
    wait: ['[data-testid=state-message]'],
  },
];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ets-screenshots-'));
  const logger = pino({ level: 'warn' });
  // The environment's settings (MONGODB_URI, limits), on a free loopback port.
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'warn' }), port: 0, host: '127.0.0.1', dataDir };
  const ets = await startEts(config, { logger, database: 'ets_screenshots' });
  const browser = await launchChromium();
  try {
    const events = incidentStory(Date.now());
    const results = await new EtsClient({ url: ets.url }).createMany(events);
    const failed = results.flatMap((result) => ('error' in result ? [result.error.message] : []));
    if (failed.length > 0) throw new Error(`the story could not be seeded: ${failed.join('; ')}`);
    console.log(`seeded ${results.length} events`);
    const folder = join(projectRoot(), 'docs', 'screenshots');
    await mkdir(folder, { recursive: true });
    for (const view of VIEWS) {
      const page = await browser.newPage({
        viewport: { width: view.width, height: view.height },
        deviceScaleFactor: 1,
      });
      await page.goto(`${ets.url}/${view.query}`);
      for (const selector of view.wait) await page.waitForSelector(selector);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(folder, view.file) });
      await page.close();
      console.log(`wrote docs/screenshots/${view.file}`);
    }
  } finally {
    await browser.close();
    await ets.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
