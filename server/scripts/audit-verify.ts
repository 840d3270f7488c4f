// `npm run audit:verify`: recomputes the audit log's hash chain in the server's own database and
// names the first record that does not hold. Exit 0 when the chain is whole, 1 when it is broken.
// With the embedded PGlite, stop the server first: its data folder takes one process at a time.
import { verifyChain } from '../core/audit.ts';
import { openServerDatabase } from './server-database.ts';

const database = await openServerDatabase();
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
