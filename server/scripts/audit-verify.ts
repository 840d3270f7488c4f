// `npm run audit:verify`: recomputes the audit log's hash chain in the server's own database and
// names the first record that does not hold. Exit 0 when the chain is whole, 1 when it is broken.
// With the embedded PGlite, stop the server first: its data folder takes one process at a time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { verifyChain } from '../core/audit.ts';
import { openDatabase } from '../db/client.ts';

const config = loadConfig();
const dataDir = join(resolve(config.GONGZHI_DATA_DIR), 'pglite');
if (!config.DATABASE_URL && !existsSync(dataDir)) {
  console.error(`no database at ${dataDir}: set DATABASE_URL or GONGZHI_DATA_DIR to the server's`);
  process.exit(2);
}
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir });
let code = 0;
try {
  const result = await verifyChain(database.db);
  if (result.ok) {
    console.log(`audit chain ok: ${result.checked} records`);
  } else {
    const { id, at } = result.firstBroken!;
    console.error(`audit chain BROKEN at record ${id} (${at}): ${result.checked} records before it hold; this one or its link was altered`);
    code = 1;
  }
} catch (e) {
  console.error(`audit chain could not be read: ${(e as Error).message.split('\n')[0]}`);
  code = 2;
} finally {
  await database.close();
}
process.exit(code);
