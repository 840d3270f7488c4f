/** Residents' demands: the console's texts. */
export const demandsConsoleZhCN = {
} as const;
