/** Prints the authorization matrix (core/access.ts) as README's Markdown table: `npm run access-table`. */
import { accessMarkdown } from './access-matrix';

console.log(accessMarkdown());
