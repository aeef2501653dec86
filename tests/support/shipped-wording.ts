import { join } from 'node:path';
import { loadWording, type Wording } from '../../src/knowledge/wording.ts';
import { KNOWLEDGE_DIR } from '../knowledge-paths.ts';

/** knowledge/wording.yaml as shipped, for unit tests of code that is handed the wording. */
export const shippedWording: Wording = loadWording(join(KNOWLEDGE_DIR, 'wording.yaml'));
