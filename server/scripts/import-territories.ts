// Imports a territory tree (CSV: code,name,level,parent_code) straight into the configured
// database, as the system: how a production database gets its district before the first start
// can create the security administrator.
//   DATABASE_URL=postgres://… npx tsx server/scripts/import-territories.ts divisions.csv
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { importTerritories } from '../modules/territory/actions/import-territories.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx server/scripts/import-territories.ts <divisions.csv>');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(resolve(config.GONGZHI_DATA_DIR), 'pglite') });
try {
  await migrateDatabase(database);
  const csv = readFileSync(file, 'utf8');
  const r = await database.db.transaction((tx) =>
    importTerritories(tx, { system: 'territory-import' }, csv, { scopePaths: null, locale: 'zh-CN' }));
  console.log(`territories: ${r.created} created, ${r.updated} updated`);
} catch (e) {
  // A bad file names each bad row; nothing was written.
  const rows = (e as { params?: { errors?: { row: number; column: string; message: string }[] } }).params?.errors;
  if (!rows) throw e;
  for (const r of rows) console.error(`row ${r.row}, ${r.column}: ${r.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
