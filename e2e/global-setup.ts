/**
 * One server for every browser journey: the demo district loads once (the slow part), and each
 * journey makes its own records, so the files do not depend on one another's order.
 */
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser.ts';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // fails here, before the slow server start, when Chromium is missing
  const server = await startServer();
  project.provide('baseURL', server.url);
  return () => server.stop();
}
