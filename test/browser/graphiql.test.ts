/**
 * GraphiQL, as served at /graphql, in Debian's Chromium against a real ETS and store: a
 * subscription runs over the websocket (graphql-ws) and shows the events written meanwhile,
 * with the token of an Authorization header typed into GraphiQL's header editor.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { dataOf, startTestEts, uniqueId, untilSubscribers, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';

jest.setTimeout(120_000);

/** GraphiQL's editors are CodeMirror 5 instances, reachable from their elements. */
interface CodeMirrorElement {
  CodeMirror: {
    getValue(): string;
    setValue(text: string): void;
    /** What GraphiQL parsed from the query editor's text, on a change handler of its own. */
    documentAST?: { definitions: Array<{ operation?: string }> } | null;
  };
}
// The functions passed to page.evaluate run in the page, where a document exists.
declare const document: { querySelector(selector: string): CodeMirrorElement | null };

const SUBSCRIPTION = 'subscription { eventChanged { kind event { id description } } }';

let browser: Browser;
let page: Page;
let ets: TestEts | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
beforeEach(async () => {
  page = await browser.newPage();
  page.setDefaultTimeout(30_000);
});
afterEach(async () => {
  await page.close();
  await ets?.stop();
  ets = undefined;
});
afterAll(() => browser?.close());

/** Sets the text of one of GraphiQL's CodeMirror editors, as typing it would. */
async function setEditor(selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.evaluate(
    ([selector, text]) => {
      document.querySelector(selector)?.CodeMirror.setValue(text);
    },
    [selector, text] as const,
  );
}

/** Waits until GraphiQL's result pane shows `text`. */
async function untilResultShows(text: string): Promise<void> {
  await page.waitForFunction((text) => {
    const result = document.querySelector('.result-window .CodeMirror');
    return result?.CodeMirror.getValue().includes(text) ?? false;
  }, text);
}

/** Opens GraphiQL, starts the subscription and waits until the server has it live. */
async function subscribeInGraphiQL(server: TestEts, headers?: Record<string, string>): Promise<void> {
  const response = await page.goto(`${server.url}/graphql`);
  expect(response?.status()).toBe(200);
  await setEditor('.graphiql-query-editor .CodeMirror', SUBSCRIPTION);
  // GraphiQL picks the transport by what it parsed, which follows the text a moment later.
  await page.waitForFunction(() => {
    const editor = document.querySelector('.graphiql-query-editor .CodeMirror');
    return editor?.CodeMirror.documentAST?.definitions.some((node) => node.operation === 'subscription') ?? false;
  });
  if (headers) {
    await page.getByRole('button', { name: 'Headers' }).click();
    await setEditor('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify(headers));
  }
  await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
  await untilSubscribers(server, 1);
}

it('runs a subscription over the websocket and shows each event written meanwhile', async () => {
  ets = await startTestEts();
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await subscribeInGraphiQL(ets);
  expect(sockets).toEqual([`${ets.url.replace(/^http/, 'ws')}/graphql`]);

  const id = uniqueId('graphiql');
  dataOf(await ets.gql(CreateEventMutation, { event: { id, description: 'seen live in GraphiQL' } }));
  await untilResultShows(id);
  await untilResultShows('"kind": "CREATED"');
  await untilResultShows('seen live in GraphiQL');
});

it('sends the token of an Authorization header typed into GraphiQL over the websocket', async () => {
  // A server where reading, live changes included, needs a token.
  ets = await startTestEts({ env: { ETS_AUTH: 'all' } });
  const admin = (await readFile(join(ets.ets.config.dataDir, 'first-admin-token'), 'utf8')).trim();
  const reader = dataOf(
    await ets.gql('mutation { createToken(name: "graphiql-reader", scopes: [READ]) { secret } }', {}, admin),
  ).createToken.secret as string;

  await subscribeInGraphiQL(ets, { Authorization: `Bearer ${reader}` });
  const id = uniqueId('graphiql-token');
  dataOf(await ets.gql(CreateEventMutation, { event: { id } }, admin));
  await untilResultShows(id);
});
