import type { Role } from '../../db/schema/accounts.ts';

export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/**
 * An account holding one of the three administrator roles is out of the security administrator's
 * reach: resetting the sysadmin's or the auditor's password would let the secadmin log in as them.
 * Each administrator changes their own password; a lost one is reset on the server (`npm run admin:reset`).
 */
export const isAdministrator = (heldRoles: readonly Role[]) => heldRoles.some((r) => ADMIN_ROLES.includes(r));

/**
 * The three administrators are appointed on the server (`npm run admin:appoint`), never through the
 * API: a security administrator who could grant them could make a sysadmin or auditor of their own.
 */
export const isAdminRole = (role: Role) => ADMIN_ROLES.includes(role);

/**
 * Separation of the three administrators: no account holds two of them, and nobody grants
 * anything to themselves. Returns the message key of the rule broken, or null.
 */
export function grantRefusal(input: { granterAccountId: string; accountId: string; role: Role; heldRoles: readonly Role[] }): string | null {
  if (input.granterAccountId === input.accountId) return 'grant.selfGrant';
  if (ADMIN_ROLES.includes(input.role) && input.heldRoles.some((r) => ADMIN_ROLES.includes(r) && r !== input.role)) {
    return 'grant.adminSeparation';
  }
  return null;
}
