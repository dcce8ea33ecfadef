/**
 * The web UI in Debian's Chromium against a real ETS and store: it draws events, filters from
 * the facet list into the URL, restores a view from its URL, opens an event with its tree,
 * and shows new events live unless paused, an open event's changes too.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

jest.setTimeout(180_000);

let ets: TestEts;
let browser: Browser;
let page: Page;
const run = uniqueId('ui');
const id = (name: string) => `${run}-${name}`;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id } }';

beforeAll(async () => {
  ets = await startTestEts();
  browser = await launchChromium();
  const events = [
    {
      id: id('commit'),
      startTime: ago(50),
      description: 'commit: bump web to 4.2',
      tags: { service: ['web'], type: ['commit'] },
    },
    {
      id: id('build'),
      parentId: id('commit'),
      startTime: ago(48),
      endTime: ago(44),
      description: 'build web #17',
      detailUrls: { ci: 'https://ci.example.com/17' },
      tags: { service: ['web'], type: ['build'], status: ['success'] },
    },
    {
      id: id('deploy'),
      parentId: id('build'),
      startTime: ago(40),
      endTime: ago(30),
      description: 'deploy web 4.2',
      tags: { service: ['web'], type: ['deploy'], status: ['fail'] },
    },
    {
      id: id('api'),
      startTime: ago(20),
      endTime: ago(10),
      description: 'deploy api 9.1',
      tags: { service: ['api'], type: ['deploy'], status: ['success'] },
    },
    {
      id: id('db'),
      startTime: ago(5),
      description: 'db: max_connections = 200',
      tags: { service: ['db'], type: ['config'] },
    },
  ];
  for (const e of events) dataOf(await ets.gql(CREATE, { e }));
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Conditions, not pauses: generous, because the whole suite shares one store, which the
  // CLI's 100,000-line import keeps busy for minutes.
  page.setDefaultTimeout(30_000);
});
afterEach(() => page.close());
afterAll(async () => {
  await browser?.close();
  await ets?.stop();
});

const timeline = (events: number) => page.waitForSelector(`[data-testid=timeline][data-events="${events}"]`);
const detailsOf = (eventId: string) =>
  page.locator('[data-testid=event-details]').getByText(eventId, { exact: true }).first().waitFor();

it('loads the page from the same process and draws the events in lanes', async () => {
  const response = await page.goto(`${ets.url}/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['cache-control']).toBe('no-cache');
  await timeline(5);
  expect(await page.getAttribute('[data-testid=timeline] canvas[role=img]', 'aria-label')).toBe(
    '5 events in 3 lanes by service',
  );
  await page.getByRole('link', { name: 'deploy web 4.2' }).waitFor();
  await page.locator('[data-testid=histogram][aria-label="5 events started in the window"]').waitFor();
});

it('filters by a tag from the facet list, keeps it in the URL, and restores it on reload', async () => {
  await page.goto(`${ets.url}/`);
  await timeline(5);
  await page.locator('[data-testid=facet-service]').getByRole('button', { name: 'service=web, 3 events' }).click();
  await timeline(3);
  await page.waitForURL(/[?&]tag\.service=web(&|$)/);
  expect(await page.getByRole('link', { name: 'deploy api 9.1' }).count()).toBe(0);

  await page.locator('[data-testid=facet-type]').getByRole('button', { name: 'Exclude type=commit' }).click();
  await timeline(2);
  await page.waitForURL(/not\.type=commit/);

  await page.reload();
  await timeline(2);
  await page.getByRole('button', { name: 'Remove filter service=web' }).waitFor();
  await page.getByRole('button', { name: 'Remove exclusion type=commit' }).click();
  await timeline(3);
  expect(page.url()).not.toContain('not.type');

  // Share: the link as it is, and pinned to the window on screen.
  await page.getByRole('button', { name: 'Share' }).click();
  expect(new URL(await page.getByLabel('This view').inputValue()).search).toBe(new URL(page.url()).search);
  const pinned = new URL(await page.getByLabel('This exact window').inputValue()).searchParams;
  expect(pinned.get('tag.service')).toBe('web');
  expect(Date.parse(pinned.get('to')!) - Date.parse(pinned.get('from')!)).toBeGreaterThan(6 * 3_600_000);
});

it('searches descriptions, and zooming with the wheel turns the range into a window in the URL', async () => {
  await page.goto(`${ets.url}/`);
  await timeline(5);
  await page.keyboard.press('/');
  await page.keyboard.type('deploy');
  await timeline(2);
  await page.waitForURL(/[?&]q=deploy/);

  const canvas = page.locator('[data-testid=timeline] canvas[role=img]');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + 20);
  await page.mouse.wheel(0, -400);
  await page.waitForURL((url) => url.searchParams.has('from') && url.searchParams.has('to'));
  const url = new URL(page.url());
  const span = Date.parse(url.searchParams.get('to')!) - Date.parse(url.searchParams.get('from')!);
  expect(span).toBeLessThan(6 * 3_600_000); // closer than the 6 hours it started from
  expect(url.searchParams.get('q')).toBe('deploy');
});

it('opens an event with its fields and its tree, and a tree node opens that event', async () => {
  await page.goto(`${ets.url}/`);
  await timeline(5);
  await page.getByRole('link', { name: 'build web #17' }).click();
  await page.waitForURL(new RegExp(`event=${id('build')}`));
  const details = page.locator('[data-testid=event-details]');
  await detailsOf(id('build'));
  await details.getByRole('link', { name: 'https://ci.example.com/17' }).waitFor();
  await details.getByRole('button', { name: 'Filter by status=success' }).waitFor();
  const fields = await details.locator('[data-testid=event-fields]').innerText();
  expect(fields).toContain(id('commit')); // the parent
  expect(fields).toMatch(/Revision\s+1/);

  const graph = details.locator('[data-testid=cause-graph]');
  const nodes = graph.getByRole('treeitem');
  await nodes.nth(2).waitFor();
  expect(await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')))).toEqual([
    id('commit'), // the ancestor
    id('build'),
    id('deploy'), // the child
  ]);
  expect(await graph.locator('[aria-current=true]').getAttribute('data-event-id')).toBe(id('build'));

  await graph.locator(`[data-event-id="${id('deploy')}"]`).click();
  await page.waitForURL(new RegExp(`event=${id('deploy')}`));
  await detailsOf(id('deploy'));
  await graph.locator(`[aria-current=true][data-event-id="${id('deploy')}"]`).waitFor();

  // The keyboard reaches events too: N and P step through them in time order.
  await page.locator('[data-testid=timeline]').focus();
  await page.keyboard.press('n');
  await page.waitForURL(new RegExp(`event=${id('api')}`));
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await page.waitForURL(new RegExp(`event=${id('build')}`));
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.searchParams.has('event'));
});

it('asks for a read token when the server wants one, and reads with the token it is given', async () => {
  // A server that asks reads for a token too; with none yet, it leaves a first admin token.
  const closed = await startTestEts({ env: { ETS_AUTH: 'all' } });
  try {
    const admin = (await readFile(join(closed.ets.config.dataDir, 'first-admin-token'), 'utf8')).trim();
    const reader = dataOf(
      await closed.gql('mutation { createToken(name: "ui-reader", scopes: [READ]) { secret } }', {}, admin),
    ).createToken.secret as string;
    dataOf(
      await closed.gql(CREATE, { e: { id: id('closed'), startTime: ago(15), tags: { service: ['web'] } } }, admin),
    );

    await page.goto(`${closed.url}/`);
    await page.getByText('This ETS needs a read token').waitFor();
    await page.getByRole('button', { name: 'Set a token' }).click();
    await page.getByLabel('API token').fill(reader);
    await page.getByRole('button', { name: 'Save' }).click();
    await timeline(1);
    expect(await page.evaluate('localStorage.getItem("ets.token")')).toBe(reader);

    // The live subscription carries the token too: a new event appears.
    dataOf(await closed.gql(CREATE, { e: { id: id('closed-live'), tags: { service: ['web'] } } }, admin));
    await timeline(2);
  } finally {
    // The page's live connection would keep reconnecting to a server that is stopping.
    await page.goto('about:blank');
    await closed.stop();
  }
});

it('shows a new event live without a reload, and holds changes back while paused', async () => {
  await page.goto(`${ets.url}/?lane=type`);
  await timeline(5);
  await page.waitForSelector('[data-testid=live-control][data-status=live]');
  dataOf(
    await ets.gql(CREATE, { e: { id: id('live-1'), description: 'live: canary started', tags: { service: ['web'] } } }),
  );
  await timeline(6);
  await page.getByRole('link', { name: 'live: canary started' }).waitFor();

  await page.locator('[data-testid=live-control]').click();
  await page.waitForSelector('[data-testid=live-control][data-status=paused]');
  await page.waitForURL(/live=paused/);
  dataOf(
    await ets.gql(CREATE, {
      e: { id: id('live-2'), description: 'live: canary promoted', tags: { service: ['web'] } },
    }),
  );
  await page.locator('[data-testid=live-control]', { hasText: '1 new' }).waitFor();
  expect(await page.getByRole('link', { name: 'live: canary promoted' }).count()).toBe(0);
  expect(await page.getAttribute('[data-testid=timeline]', 'data-events')).toBe('6');

  await page.locator('[data-testid=live-control]').click();
  await timeline(7);
  await page.getByRole('link', { name: 'live: canary promoted' }).waitFor();
});

it('keeps an open event current: a change shows in its details, a new child in its graph', async () => {
  dataOf(await ets.gql(CREATE, { e: { id: id('cache'), startTime: ago(3), description: 'cache flush' } }));
  await page.goto(`${ets.url}/?event=${id('cache')}`);
  await detailsOf(id('cache'));
  await page.waitForSelector('[data-testid=live-control][data-status=live]');
  const details = page.locator('[data-testid=event-details]');

  dataOf(
    await ets.gql('mutation($e: EventInput!) { updateEvent(event: $e) { id } }', {
      e: { id: id('cache'), description: 'cache flush, all regions' },
    }),
  );
  await details.getByRole('heading', { name: 'cache flush, all regions' }).waitFor();

  dataOf(await ets.gql(CREATE, { e: { id: id('cache-warm'), parentId: id('cache'), description: 'cache warm-up' } }));
  await details.locator(`[data-testid=cause-graph] [data-event-id="${id('cache-warm')}"]`).waitFor();
});

describe('a window holding more events than the timeline draws', () => {
  let big: TestEts;
  beforeAll(async () => {
    big = await startTestEts();
    // The newest 5,000 (all that is drawn) in one lane; 500 older ones in another.
    const batch = (from: number, count: number, service: string, minutesAgo: (i: number) => number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `${service}-${from + i}`,
        startTime: ago(minutesAgo(i)),
        tags: { service: [service] },
      }));
    const events = [
      ...batch(0, 5000, 'recent', (i) => 1 + (i % 600)),
      ...batch(0, 500, 'earlier', (i) => 800 + (i % 500)),
    ];
    for (let i = 0; i < events.length; i += 1000) {
      dataOf(
        await big.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', {
          es: events.slice(i, i + 1000),
        }),
      );
    }
  });
  afterAll(() => big?.stop());

  it('still shows every lane across the whole window', async () => {
    await page.goto(`${big.url}/?range=24h`);
    await page.getByText('5,500 events (drawing the newest 5,000)').waitFor();
    // The lane of the older events is there, shaded where they are, though none is drawn.
    await page.waitForSelector('[data-testid=timeline][data-lanes="2"]');
    expect(await page.getAttribute('[data-testid=timeline] canvas[role=img]', 'aria-label')).toBe(
      '5000 events in 2 lanes by service',
    );
  });
});
