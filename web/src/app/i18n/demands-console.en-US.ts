import type { demandsConsoleZhCN } from './demands-console.zh-CN';

export const demandsConsoleEnUS: Record<keyof typeof demandsConsoleZhCN, string> = {
};
