import type { demandsPortalZhCN } from './demands-portal.zh-CN';

export const demandsPortalEnUS: Record<keyof typeof demandsPortalZhCN, string> = {
};
