/** Residents' demands: the portal's texts. */
export const demandsPortalZhCN = {
} as const;
