export { formatBytes } from '../format';
