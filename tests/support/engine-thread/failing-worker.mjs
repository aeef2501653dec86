// A stand-in engine thread whose engine cannot load (broken knowledge, say): it says so and stops.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ kind: 'failed', message: 'knowledge/flows/workers.yaml: node "audience" points to "no-such-node"' });
