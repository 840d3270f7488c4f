import type { App, AppContext } from '../../core/context.ts';

export function open311Routes(_app: App, _ctx: AppContext) {}
