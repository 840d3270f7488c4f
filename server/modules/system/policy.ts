import { definePolicy } from '../../core/policy.ts';

export const systemPolicy = definePolicy({
  'system.read': ['sysadmin'],
});
