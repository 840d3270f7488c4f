import type { open311ZhCN } from './open311.zh-CN';

export const open311EnUS: Record<keyof typeof open311ZhCN, string> = {
  'nav.open311Keys': 'Open311 access',
  'open311.title': 'Open311 keys',
  'open311.intro': 'Other systems (community apps, hotline systems…) list the categories, report and follow demands through {base} under the Open311 GeoReport v2 standard. Each key is tied to a node: what it reports lands there, it reads only the demands under it, and never the reporter\'s name or contact details.',
  'open311.issue': 'Issue a key',
  'open311.name': 'Client name',
  'open311.namePlaceholder': 'e.g. Longtan community app',
  'open311.node': 'Node',
  'open311.hint': 'Key begins',
  'open311.issuedAt': 'Issued',
  'open311.state': 'State',
  'open311.active': 'Active',
  'open311.revokedAt': 'Revoked ({time})',
  'open311.revoke': 'Revoke',
  'open311.revokeConfirm': 'Revoke "{name}"? Systems using this key can no longer report or read demands, at once and for good.',
  'open311.revoked': 'Key "{name}" revoked',
  'open311.issuedTitle': 'Key issued: {name}',
  'open311.issuedOnce': 'This key is shown this once. The platform keeps only a digest of it and cannot show it again: copy it now and hand it over safely.',
  'open311.issuedDone': 'I have copied it',
  'open311.empty': 'No keys issued yet',
  'open311.nodeRequired': 'Pick the node to tie the key to',
};
