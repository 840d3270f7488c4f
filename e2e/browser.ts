/** Chromium through playwright-core, with the two screens people use: an office desktop and a phone. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** The phone every journey's phone page is: a 375 px wide screen. */
export const PHONE_WIDTH = 375;

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it with \`apt-get install -y chromium\` or point CHROMIUM_PATH at a Chromium binary.`);
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const common = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true } as const;

export function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...common, baseURL, viewport: { width: 1280, height: 800 } });
}

export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...common, baseURL, viewport: { width: PHONE_WIDTH, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
}
