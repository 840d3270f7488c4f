import { definePolicy } from '../../core/policy.ts';

/** The audit log is read by the auditor and by no one else, the auditor reads nothing else. */
export const auditPolicy = definePolicy({
  'audit.read': ['auditor'],
});
