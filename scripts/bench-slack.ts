/**
 * `npm run bench:slack`: the Slack door under open-loop load, as an operator would run it.
 *
 * For each setup (one process on sqlite, with its Slack turns on the engine thread, the default,
 * and without it, ENGINE_THREAD=false; one process on Redis; two processes, WORKERS=2, sharing
 * Redis) it starts
 * `npm start` (adapters/main.ts) against the local fake Web API (its own process), then sends
 * signed app_mention events at fixed rates, each on schedule whatever the previous ones did
 * (open loop), every event from its own user in its own thread. A request unanswered after 3 s
 * counts as an ack timeout and is retried once with X-Slack-Retry-Num, as Slack does.
 *
 * Per rate it reports ack p50/p99 (from the scheduled send time), answered, duplicated (a thread
 * answered twice), lost (neither answered nor told "busy"), shed (told "busy"), rate-limited, and
 * the door's CPU per event (utime+stime of the whole process tree, from /proc; and of it, the
 * door's event loop, the main thread, for one process), and beside it the
 * CPU per event of the load generator and of the fake Web API, which share the same cores.
 * BENCH_SLACK_SETUPS picks setups by name prefix, `;`-separated ("1 process, sqlite;2 processes");
 * BENCH_SLACK_ROUNDS=N repeats every setup N times, interleaved, and adds a table of medians.
 * Everything talks to 127.0.0.1 only. Bounded: BENCH_SLACK_SECONDS per rate (default 4), at most
 * 20 s of draining per rate.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent, request } from 'undici';
import { eventEnvelope, mentionEvent } from '../tests/fakes/slack/payloads.ts';
import { percentile } from '../src/retrieval/percentile.ts';
import { slackSignature } from '../tests/fakes/slack/signed-request.ts';
import { FAKE_BOT_TOKEN } from '../tests/fakes/slack/fake-slack-api.ts';
import { freePort, hasRedisServer, RedisServer } from '../tests/support/redis-server.ts';
import type { ThreadTally } from './bench-slack/fake-api-process.ts';

const root = resolve(import.meta.dirname, '..');
const SECRET = 'bench-signing-secret';
const RATES = (process.env.BENCH_SLACK_RATES ?? '100,200,500,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SLACK_SECONDS ?? 4);
/** Rounds over every setup, each with fresh processes: this machine's speed drifts by ±20 % between runs, so medians say more than one run. */
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 1);
const ACK_DEADLINE_MS = 3_000;
const DRAIN_MS = 20_000;
const QUESTIONS = ['error 1020', 'my site shows error 522', 'too many redirects on my site', 'error 525 ssl handshake failed', 'what does error 1101 mean', 'is cloudflare down?'];
const CLOCK_TICKS = 100; // USER_HZ on Linux

type Row = { setup: string; rate: number; sent: number; ackP50: number; ackP99: number; loopLagMaxMs: number | null; ackTimeouts: number; answered: number; duplicated: number; lost: number; shed: number; limited: number; cpuMsPerEvent: number; loopCpuMsPerEvent: number | null; senderCpuMsPerEvent: number; fakeApiCpuMsPerEvent: number; sendLagP99: number };

/** CPU ms of each thread of one process (debug output: the main thread against V8's and libuv's). */
function threadCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(task, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    }
  } catch {
    // ended meanwhile
  }
  return out;
}

/** CPU ms of a process and all its descendants (the cluster primary and its workers). */
function treeCpuMs(pid: number): number {
  let total = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) total += treeCpuMs(Number(child));
    }
  } catch {
    // The process ended between listing and reading: nothing more to count.
  }
  return total;
}

async function startFake(): Promise<{ child: ChildProcess; apiUrl: string; tally(prefix: string): Promise<ThreadTally> }> {
  // Plain node with the tsx loader, so the IPC channel is direct (no wrapper process in between).
  const child = fork(join(root, 'scripts', 'bench-slack', 'fake-api-process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const apiUrl = await new Promise<string>((done) => child.once('message', (m: { apiUrl: string }) => done(m.apiUrl)));
  return {
    child,
    apiUrl,
    tally: (prefix) =>
      new Promise((done) => {
        child.once('message', (m: { tally: ThreadTally }) => done(m.tally));
        child.send({ kind: 'tally', prefix });
      }),
  };
}

async function startBot(env: Record<string, string>, listeners: number): Promise<ChildProcess> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|REDIS|WORKERS)/.test(k)));
  // What `npm start` runs (the bundle in dist/, built fresh by main()), minus npm's wrapper process; BENCH_SLACK_NODE_ARGS adds e.g. --cpu-prof.
  const nodeArgs = (process.env.BENCH_SLACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'scripts', 'launch.mjs'), 'adapters/main'], { cwd: root, env: { ...clean, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
  const deadline = Date.now() + 60_000;
  // LOG_LEVEL=warn hides "listening"; probe the port instead.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited at start-up:\n${log}`);
    if (Date.now() > deadline) throw new Error(`bot did not start:\n${log}`);
    try {
      const res = await request(`http://127.0.0.1:${env.PORT}/healthz`);
      await res.body.text();
      if (res.statusCode === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  // Every worker must be up before timing starts; give the second one a moment to bind too.
  if (listeners > 1) await new Promise((r) => setTimeout(r, 3_000));
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * The longest the door's event loop was blocked since the previous scrape (prom-client's
 * nodejs_eventloop_lag_max_seconds on /metrics), in ms: an ack can only be as quick as the loop
 * is free. Each worker keeps its own histogram and the cluster hands each new connection to the
 * next worker, so a few scrapes on fresh connections reach every worker: the largest value wins.
 * (One kept-alive connection reached one worker only, and the other's first scrape then reported
 * its start-up, a ~1 s "block" that no event ever waited behind.) Null when absent.
 */
async function loopLagMaxMs(eventsUrl: string, workers: number): Promise<number | null> {
  let max: number | null = null;
  for (let i = 0; i < workers * 3; i += 1) {
    const fresh = new Agent({ pipelining: 0 });
    try {
      const res = await request(eventsUrl.replace('/slack/events', '/metrics'), { dispatcher: fresh, headers: { connection: 'close' } });
      const text = await res.body.text();
      const line = /^nodejs_eventloop_lag_max_seconds\s+(\S+)/m.exec(text);
      if (line?.[1]) max = Math.max(max ?? 0, Math.round(Number(line[1]) * 1000));
    } catch {
      // not served: leave it null
    } finally {
      await fresh.close();
    }
  }
  return max;
}

async function runRate(setup: string, url: string, botPid: number, fake: Awaited<ReturnType<typeof startFake>>, rate: number, stepIndex: number, seconds = SECONDS, workers = 1): Promise<Row> {
  const count = Math.round(rate * seconds);
  const prefix = `${1_800_000_000 + stepIndex}.`;
  const agent = new Agent({ connections: 512, pipelining: 1, keepAliveTimeout: 10_000 });
  const acks: number[] = [];
  const lags: number[] = [];
  let ackTimeouts = 0;

  const send = async (i: number, scheduledAt: number, retry: boolean): Promise<void> => {
    const ts = `${prefix}${String(i).padStart(6, '0')}`;
    const text = QUESTIONS[i % QUESTIONS.length]!;
    const body = JSON.stringify(eventEnvelope(mentionEvent({ channel: `CB${i % 1000}`, user: `UB${stepIndex}x${i}`, text, ts }), `EvB${stepIndex}x${i}`));
    const timestamp = Math.floor(Date.now() / 1000);
    if (!retry) lags.push(Date.now() - scheduledAt);
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: agent,
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(SECRET, timestamp, body),
          ...(retry ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
        body,
        headersTimeout: ACK_DEADLINE_MS,
        bodyTimeout: ACK_DEADLINE_MS,
      });
      await res.body.text();
      if (!retry) acks.push(Date.now() - scheduledAt);
    } catch {
      if (retry) return;
      ackTimeouts += 1;
      acks.push(ACK_DEADLINE_MS);
      await send(i, scheduledAt, true);
    }
  };

  await loopLagMaxMs(url, workers); // prom-client restarts its event-loop histogram at each scrape: these start the window.
  const cpuBefore = treeCpuMs(botPid);
  const threadsBefore = threadCpuMs(botPid);
  const senderBefore = process.cpuUsage();
  const fakeBefore = treeCpuMs(fake.child.pid!);
  const started = Date.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const scheduledAt = started + (i * 1000) / rate;
    const wait = scheduledAt - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i, scheduledAt, false));
  }
  await Promise.all(inFlight);
  const cpuAtSendEnd = treeCpuMs(botPid) - cpuBefore;
  const threadsAfter = threadCpuMs(botPid);
  const mainMs = (threadsAfter.get(String(botPid)) ?? 0) - (threadsBefore.get(String(botPid)) ?? 0);
  const sendEndAt = Date.now();

  // Drain: wait until every thread got its answer (or a busy/limit notice), or nothing moves for a while.
  let tally: ThreadTally = { threads: {}, authTests: 0 };
  const merged: ThreadTally['threads'] = {};
  let lastProgress = Date.now();
  let seen = 0;
  const drainUntil = Date.now() + DRAIN_MS;
  while (Date.now() < drainUntil) {
    tally = await fake.tally(prefix);
    for (const [thread, t] of Object.entries(tally.threads)) {
      const m = (merged[thread] ??= { answers: 0, shed: 0, limited: 0 });
      m.answers += t.answers;
      m.shed += t.shed;
      m.limited += t.limited;
    }
    const done = Object.keys(merged).length;
    if (done > seen) {
      seen = done;
      lastProgress = Date.now();
    }
    if (done >= count && Date.now() - lastProgress > 1_000) break;
    if (Date.now() - lastProgress > 5_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const cpuMs = treeCpuMs(botPid) - cpuBefore;
  if (process.env.BENCH_SLACK_DEBUG) console.error(`  send window ${sendEndAt - started} ms: CPU ${Math.round(cpuAtSendEnd)} ms (main thread of the first process ${Math.round(mainMs)}); drain ${Date.now() - sendEndAt} ms: CPU ${Math.round(cpuMs - cpuAtSendEnd)} ms`);
  const sender = process.cpuUsage(senderBefore);
  const fakeMs = treeCpuMs(fake.child.pid!) - fakeBefore;
  const lagMax = await loopLagMaxMs(url, workers);
  await agent.close();

  const threads = Object.values(merged);
  acks.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    setup,
    rate,
    sent: count,
    ackP50: Math.round(percentile(acks, 0.5)),
    ackP99: Math.round(percentile(acks, 0.99)),
    loopLagMaxMs: lagMax,
    ackTimeouts,
    answered: threads.filter((t) => t.answers > 0).length,
    duplicated: threads.filter((t) => t.answers > 1 || t.shed + t.limited + t.answers > 1).length,
    lost: count - threads.length,
    shed: threads.filter((t) => t.shed > 0 && t.answers === 0).length,
    limited: threads.filter((t) => t.limited > 0 && t.answers === 0).length,
    cpuMsPerEvent: Math.round((cpuMs / count) * 100) / 100,
    // The door's event loop (the process's main thread); a cluster's main thread only supervises.
    loopCpuMsPerEvent: workers > 1 ? null : Math.round((mainMs / count) * 100) / 100,
    senderCpuMsPerEvent: Math.round(((sender.user + sender.system) / 1000 / count) * 100) / 100,
    fakeApiCpuMsPerEvent: Math.round((fakeMs / count) * 100) / 100,
    sendLagP99: Math.round(percentile(lags, 0.99)),
  };
}

/** Per setup and rate over the rounds: the median and the range of answered, ack p99 and the door loop's CPU per event. */
function printMedians(rows: Row[]): void {
  const spread = (values: number[]) => `${percentile(values, 0.5)} (${Math.min(...values)}–${Math.max(...values)})`;
  console.log(`\nMedians over ${ROUNDS} rounds (range in brackets):\n`);
  console.log('| setup | events/s | sent | answered | ack p99 ms | lost | duplicated | door loop CPU ms/event |');
  console.log('|---|---|---|---|---|---|---|---|');
  const keys = [...new Set(rows.map((r) => `${r.setup}\u0000${r.rate}`))];
  for (const key of keys) {
    const group = rows.filter((r) => `${r.setup}\u0000${r.rate}` === key);
    const loop = group.map((r) => r.loopCpuMsPerEvent).filter((v): v is number => v !== null);
    console.log(`| ${group[0]!.setup} | ${group[0]!.rate} | ${group[0]!.sent} | ${spread(group.map((r) => r.answered))} | ${spread(group.map((r) => r.ackP99))} | ${Math.max(...group.map((r) => r.lost))} | ${Math.max(...group.map((r) => r.duplicated))} | ${loop.length ? spread(loop) : '–'} |`);
  }
}

async function main(): Promise<void> {
  // The bench measures the production bundle, so it is rebuilt from the current sources first.
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const fake = await startFake();
  const redis = hasRedisServer ? await RedisServer.start() : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'cfbot-bench-slack-'));
  const setups = [
    { name: '1 process, sqlite', env: {} as Record<string, string>, listeners: 1 },
    // The same door with its turns on its own event loop, as before the engine thread: the comparison in the same run.
    { name: '1 process, sqlite, no engine thread', env: { ENGINE_THREAD: 'false' } as Record<string, string>, listeners: 1 },
    ...(redis
      ? [
          { name: '1 process, Redis', env: { REDIS_URL: redis.url }, listeners: 1 },
          { name: '2 processes, Redis', env: { WORKERS: '2', REDIS_URL: redis.url }, listeners: 2 },
        ]
      : []),
  ].filter((setup) => !process.env.BENCH_SLACK_SETUPS || process.env.BENCH_SLACK_SETUPS.split(';').some((wanted) => setup.name.startsWith(wanted.trim())));
  if (!redis) console.warn('*** redis-server not found: only the one-process setup runs ***');
  const rows: Row[] = [];
  let step = 0;
  try {
    // Rounds interleave the setups, so a slow spell of the machine falls on all of them alike.
    for (let round = 0; round < ROUNDS; round += 1) for (const setup of setups) {
      const port = await freePort();
      const bot = await startBot(
        { ...setup.env, PORT: String(port), DATA_DIR: join(dataDir, String(step)), SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
        setup.listeners,
      );
      try {
        // Warm-up, not reported: the first turns pay for JIT compilation and lazy loading. V8's
        // optimiser runs on background threads of the same process: measured, the first 4 s
        // window after a 500-event warm-up still spent 1.2 s of CPU off the main thread, the
        // fourth 0.2 s. A long-running door has paid that long before its busy hour.
        step += 1;
        await runRate(setup.name, `http://127.0.0.1:${port}/slack/events`, bot.pid!, fake, 200, step, 8, setup.listeners);
        for (const rate of RATES) {
          step += 1;
          const row = await runRate(setup.name, `http://127.0.0.1:${port}/slack/events`, bot.pid!, fake, rate, step, SECONDS, setup.listeners);
          rows.push(row);
          console.error(`${setup.name} @ ${rate}/s: ack p50 ${row.ackP50} ms, p99 ${row.ackP99} ms, answered ${row.answered}/${row.sent}, shed ${row.shed}, lost ${row.lost}, dup ${row.duplicated}, ${row.cpuMsPerEvent} ms CPU/event`);
        }
      } finally {
        await stopProcess(bot);
      }
    }
    const finalTally = await fake.tally('none');
    console.log('| setup | events/s | sent | ack p50 ms | ack p99 ms | loop blocked max ms | ack > 3 s | answered | duplicated | lost | shed | rate-limited | CPU ms/event | of it, door loop | load generator CPU ms/event | fake API CPU ms/event | sender lag p99 ms |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.setup} | ${r.rate} | ${r.sent} | ${r.ackP50} | ${r.ackP99} | ${r.loopLagMaxMs ?? '–'} | ${r.ackTimeouts} | ${r.answered} | ${r.duplicated} | ${r.lost} | ${r.shed} | ${r.limited} | ${r.cpuMsPerEvent} | ${r.loopCpuMsPerEvent ?? '–'} | ${r.senderCpuMsPerEvent} | ${r.fakeApiCpuMsPerEvent} | ${r.sendLagP99} |`);
    }
    if (ROUNDS > 1) printMedians(rows);
    console.log(`\nauth.test calls over the whole run: ${finalTally.authTests} (one per process start)`);
    mkdirSync(join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data', 'bench-slack.json'), `${JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, rounds: ROUNDS, rows, authTests: finalTally.authTests }, null, 2)}\n`);
  } finally {
    fake.child.kill('SIGTERM');
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
