import Fuse from 'fuse.js';
import type { DocPage } from '../src/knowledge/schema.ts';

/**
 * The baseline the engine has to beat: what one would write first, fuse.js
 * over whole pages with near-default options. ignoreLocation is on because
 * without it fuse only looks at the first ~60 characters of each body.
 */
export function naiveFuseSearch(pages: DocPage[]): (query: string) => string[] {
  const fuse = new Fuse(pages, { keys: ['title', 'description', 'body'], ignoreLocation: true, includeScore: true });
  return (query) => fuse.search(query, { limit: 5 }).map((hit) => hit.item.id);
}
