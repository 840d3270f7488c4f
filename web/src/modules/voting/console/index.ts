export { EstatesPage } from './EstatesPage';
export { EstatePage } from './EstatePage';
