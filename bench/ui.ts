/**
 * `npm run bench:ui`: the web UI's first view, timed in headless Chromium. Builds a data
 * set of BENCH_UI_EVENTS (100000) events over the 30 days up to now (through the store's
 * batch path, in a fresh folder), starts ETS on it, and times `/?range=24h` from the
 * navigation to the first events drawn on the timeline, BENCH_UI_ROUNDS (5) times.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openStorage } from '../src/store/storage';
import { launchChromium } from '../test/helpers/browser';
import { DAYS, random, START, syntheticEvent } from './dataset';
import { percentile } from './measure';

const EVENTS = Number(process.env.BENCH_UI_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_UI_ROUNDS ?? 5);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ets-bench-ui-'));
  const store = await openStorage(
    { mongodbUri: undefined, dataDir, readTimeoutMs: 60_000, sqliteReaders: 1 },
    pino({ level: 'warn' }),
  );
  // The synthetic 30 days, moved to end now.
  const shift = Date.now() - (START + DAYS * 86_400_000);
  const next = random(42);
  for (let n = 0; n < EVENTS; n += 1000) {
    const batch = Array.from({ length: Math.min(1000, EVENTS - n) }, (_, i) => {
      const e = syntheticEvent(n + i, next, 'ui', EVENTS);
      const move = (d: Date) => new Date(d.getTime() + shift);
      return {
        ...e,
        startTime: move(e.startTime),
        endTime: move(e.endTime),
        createdAt: move(e.createdAt),
        updatedAt: move(e.updatedAt),
      };
    });
    await store.events.insertMany(batch);
  }
  await store.close();

  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      MONGODB_URI: '',
      ETS_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const browser = await launchChromium();
  try {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const times: number[] = [];
    let shown = '';
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const started = performance.now();
      await page.goto(`http://127.0.0.1:${port}/?range=24h`);
      await page.waitForSelector('[data-testid=timeline]:not([data-events="0"])', { timeout: 60_000 });
      times.push(performance.now() - started);
      shown = (await page.getAttribute('[data-testid=timeline] canvas[role=img]', 'aria-label')) ?? '';
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(
      `${EVENTS} events over ${DAYS} days: /?range=24h drew its first events in p50 ${percentile(times, 50).toFixed(0)} ms ` +
        `(all ${ROUNDS}: ${times.map((t) => t.toFixed(0)).join(', ')} ms); the timeline then showed "${shown}"`,
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
