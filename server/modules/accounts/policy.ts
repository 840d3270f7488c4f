import { definePolicy } from '../../core/policy.ts';

/** Accounts and grants belong to the security administrator alone (三员分立). */
export const accountsPolicy = definePolicy({
  'account.manage': ['secadmin'],
});
