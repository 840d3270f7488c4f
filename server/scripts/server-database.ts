import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';

/**
 * Opens the database the server itself uses (DATABASE_URL, else the embedded PGlite under
 * GONGZHI_DATA_DIR) for an operator's script; with no such database it says so and exits 2
 * rather than creating an empty one.
 */
export async function openServerDatabase() {
  const config = loadConfig();
  const dataDir = join(resolve(config.GONGZHI_DATA_DIR), 'pglite');
  if (!config.DATABASE_URL && !existsSync(dataDir)) {
    console.error(`no database at ${dataDir}: set DATABASE_URL or GONGZHI_DATA_DIR to the server's`);
    process.exit(2);
  }
  return openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir });
}
