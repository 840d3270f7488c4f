// Owners' voting (业主大会表决): estates, the owners' register, matters put to the vote, secret ballots with receipts, the art. 278 tally.
// Serves the study's self-governance mechanisms — residents deciding their own affairs, rule making (§自治引领) — as the Civil Code's owners' assembly.
import type { Module } from '../../core/context.ts';
import './messages.ts';
import { votingRoutes } from './routes.ts';

export const votingModule: Module = { name: 'voting', routes: votingRoutes };
