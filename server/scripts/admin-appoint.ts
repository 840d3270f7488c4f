// `npm run admin:appoint -- <username> <sysadmin|secadmin|auditor> [display name]`: appoints one of
// the three administrators, straight in the server's own database, granted at the root of the tree.
// Through the API nobody may grant these roles (三员分立), so whoever operates the server appoints
// them. A new account's one-time password is printed once and must be changed at the first login.
// Audited as the system ("admin-appoint"). With the embedded PGlite, stop the server first.
import type { Role } from '../db/schema/accounts.ts';
import { appointAdministratorOnServer } from '../modules/accounts/actions.ts';
import { ADMIN_ROLES } from '../modules/accounts/rules.ts';
import { openServerDatabase } from './server-database.ts';

const [username, role, displayName] = process.argv.slice(2);
if (!username || !role || !ADMIN_ROLES.includes(role as Role)) {
  console.error(`usage: npm run admin:appoint -- <username> <${ADMIN_ROLES.join('|')}> [display name]`);
  process.exit(2);
}
const database = await openServerDatabase();
let code = 0;
try {
  const { initialPassword } = await appointAdministratorOnServer(database.db, { username, role: role as Role, ...(displayName ? { displayName } : {}) });
  console.log(`${username} is now ${role}, granted at the root of the tree`);
  if (initialPassword) console.log(`one-time password for ${username}: ${initialPassword} (it must be changed at the first login)`);
} catch (e) {
  const c = (e as { code?: string }).code;
  console.error(c === 'grant.adminSeparation' ? `${username} already holds another administrator role: one account holds one of the three`
    : c === 'grant.alreadyHeld' ? `${username} already holds ${role}`
    : c === 'notFound' ? 'no territory yet: import the district tree first'
    : `appointment failed: ${(e as Error).message.split('\n')[0]}`);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
