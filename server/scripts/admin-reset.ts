// `npm run admin:reset -- <username>`: issues a new one-time password for an account, straight in
// the server's own database. It is how a lost password of the sysadmin, the secadmin or the auditor
// is reset: through the API nobody may reset an administrator's password (三员分立). Audited as the
// system ("admin-reset"); the password is printed once and must be changed at the next login.
// With the embedded PGlite, stop the server first: its data folder takes one process at a time.
import { resetPasswordOnServer } from '../modules/accounts/actions.ts';
import { openServerDatabase } from './server-database.ts';

const username = process.argv[2];
if (!username) {
  console.error('usage: npm run admin:reset -- <username>');
  process.exit(2);
}
const database = await openServerDatabase();
let code = 0;
try {
  const { initialPassword } = await resetPasswordOnServer(database.db, username);
  console.log(`one-time password for ${username}: ${initialPassword}`);
  console.log('it must be changed at the next login; the reset is in the audit log as admin-reset');
} catch (e) {
  const notFound = (e as { code?: string }).code === 'notFound';
  console.error(notFound ? `no account named ${username}` : `reset failed: ${(e as Error).message.split('\n')[0]}`);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
