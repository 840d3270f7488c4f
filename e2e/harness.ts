/**
 * What every browser journey needs: the shared server's address, a browser with desktop and
 * phone pages, logging in as a demo account, and an API client for preparing records.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { PHONE_WIDTH, desktopContext, launchChromium, phoneContext } from './browser.ts';

export { PHONE_WIDTH };

export const DEMO_PASSWORD = 'Gongzhi@2026';
/** Waits of the UI (a page, a table, a message); generous because the machine may be busy. */
export const UI_TIMEOUT = 15_000;

export const baseURL = (): string => inject('baseURL');

/**
 * Launches Chromium for one test file and closes it after. Pages made here fail their test when
 * the page throws an uncaught error, which a person would meet as a blank or frozen screen.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async ({ task }) => {
    if (task.result?.errors?.length) await keepFailureScreens(contexts, task.name);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    const errors = pageErrors.splice(0);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (make: typeof desktopContext) => {
    const context = await make(browser!, baseURL());
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    return page;
  };
  return {
    /** A 1280×800 office screen. */
    desktop: () => open(desktopContext),
    /** A 375×812 phone, touch. */
    phone: () => open(phoneContext),
  };
}

/** What the pages showed when a journey failed, for whoever reads the failure. */
async function keepFailureScreens(contexts: BrowserContext[], testName: string) {
  const dir = join(tmpdir(), 'gongzhi-e2e-failures');
  mkdirSync(dir, { recursive: true });
  const pages = contexts.flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    const path = join(dir, `${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}-${i + 1}.png`);
    await page.screenshot({ path, fullPage: true }).then(() => console.error(`screenshot of the failed page: ${path}`), () => {});
  }
}

/** Logs in through the login page and waits until it has moved on to the account's page. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/**
 * Waits until the element shows the text (tables fill in after their request returns) and
 * fails with what it showed instead.
 */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(() => locator.innerText({ timeout: 1_000 }).catch(() => ''), { timeout: UI_TIMEOUT, interval: 200 })
    .toContain(text);
}

/** Waits until the element's whole text is the given one (a page may still show the previous record). */
export async function expectExactText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(() => locator.innerText({ timeout: 1_000 }).catch(() => ''), { timeout: UI_TIMEOUT, interval: 200 })
    .toBe(text);
}

/** The visible text of an element, once it is there. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return locator.innerText();
}

/** Saves a screenshot when E2E_SHOTS names a directory (for looking at the UI while writing journeys). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** A logged-in HTTP client for arranging a journey's records through the public API. */
export async function apiAs(username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'accept-language': 'zh-CN' };
  const session = (await (await fetch(`${baseURL()}/api/auth/session`, { headers })).json()) as { csrfToken: string };

  const send = async <T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
    const isForm = body instanceof FormData;
    const r = await fetch(`${baseURL()}${path}`, {
      method,
      headers: {
        ...headers,
        ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
        ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const type = r.headers.get('content-type') ?? '';
    return { status: r.status, body: (type.includes('json') ? await r.json() : await r.text()) as T };
  };
  /** Like send, but an answer other than 2xx fails the test with the server's words. */
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await send<T>(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} as ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** A file the server sends (a template, an export), as bytes. */
  const file = async (path: string): Promise<Buffer> => {
    const r = await fetch(`${baseURL()}${path}`, { headers });
    if (!r.ok) throw new Error(`GET ${path} as ${username}: ${r.status} ${await r.text()}`);
    return Buffer.from(await r.arrayBuffer());
  };
  return {
    send,
    file,
    get: <T>(path: string) => ok<T>('GET', path),
    post: <T>(path: string, body?: unknown) => ok<T>('POST', path, body),
  };
}

const openOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

/**
 * Chooses an option of the open antd select (by its text, or a locator of the option) and waits
 * until the dropdown has gone: while it fades out it still lies over the buttons below it, and a
 * click meant for them would land on an option instead.
 */
export async function chooseOption(page: Page, option: string | RegExp | Locator): Promise<void> {
  const target = typeof option === 'string' || option instanceof RegExp ? openOptions(page).filter({ hasText: option }).first() : option;
  await target.click();
  await expect.poll(() => openOptions(page).count(), { timeout: UI_TIMEOUT }).toBe(0);
}

/** Fails, naming the page, when it is wider than the phone's screen (it would scroll sideways). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(width, `${new URL(page.url()).pathname} is ${width} px wide on a ${PHONE_WIDTH} px screen`).toBeLessThanOrEqual(PHONE_WIDTH);
}
