export { CasesPage } from './CasesPage';
export { CasePage } from './CasePage';
