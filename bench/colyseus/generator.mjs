// The reference relay workload (BENCHMARK.md) against the Colyseus relay room, with the result fields of
// Photon EE's Java generator (photon-client bench.LoadGenerator), so both land in one table.
//   node generator.mjs --url ws://127.0.0.1:PORT --server-pid PID [--clients 200] [--room-size 8] [--rate 10]
//        [--warmup 5] [--window 20] [--drain 2] [--seed 1] [--out FILE]
import { Client } from "@colyseus/sdk";
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { execSync } from "node:child_process";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith("--")) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const cfg = {
  url: args.url, serverPid: Number(args["server-pid"] || -1), clients: Number(args.clients || 200),
  roomSize: Number(args["room-size"] || 8), rate: Number(args.rate || 10), warmupS: Number(args.warmup ?? 5),
  windowS: Number(args.window ?? 20), drainS: Number(args.drain ?? 2), seed: Number(args.seed || 1), out: args.out,
};
if (!cfg.url) {
  console.error("usage: node generator.mjs --url ws://127.0.0.1:PORT --server-pid PID [options]");
  process.exit(1);
}
const RELAY = 1, PAYLOAD_BYTES = 64, ROOMS_FILLED_CONCURRENTLY = 8, SETTLE_MS = 1000;
const CLK_TCK = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
const t0 = process.hrtime.bigint();
const nowNs = () => Number(process.hrtime.bigint() - t0);

// /proc readings, as the Java generator takes them.
function processCpuNs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 1e9 / CLK_TCK;
  } catch { return -1; }
}
// user and kernel time of a process, and of each of its threads ({tid: [name, user ns, system ns]}), as
// ServerCpuSample does on the Java side: where the server's time went.
function cpuSample(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const threads = {};
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const t = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const g = t.slice(t.lastIndexOf(")") + 2).split(" ");
        threads[tid] = [t.slice(t.indexOf("(") + 1, t.lastIndexOf(")")), Number(g[11]) * 1e9 / CLK_TCK,
          Number(g[12]) * 1e9 / CLK_TCK];
      } catch { /* the thread ended between the listing and the read */ }
    }
    return { user: Number(f[11]) * 1e9 / CLK_TCK, system: Number(f[12]) * 1e9 / CLK_TCK, threads };
  } catch { return null; }
}
function describeCpu(start, end, deliveries) {
  if (!start || !end || deliveries <= 0) {
    return { cpu_user_us_per_delivery: null, cpu_system_us_per_delivery: null, jit_us_per_delivery: null,
      busiest_threads: [] };
  }
  const used = Object.entries(end.threads).map(([tid, [name, u, s]]) => {
    const b = start.threads[tid];
    return [name, u - (b ? b[1] : 0), s - (b ? b[2] : 0)];
  }).filter(([, u, s]) => u + s > 0).sort((x, y) => (y[1] + y[2]) - (x[1] + x[2]));
  return {
    cpu_user_us_per_delivery: (end.user - start.user) / 1e3 / deliveries,
    cpu_system_us_per_delivery: (end.system - start.system) / 1e3 / deliveries,
    jit_us_per_delivery: null, // V8 compiles on worker threads it shares with the GC: not told apart here
    busiest_threads: used.slice(0, 5).map(([name, u, s]) => ({ thread: name, us_per_delivery: (u + s) / 1e3 / deliveries,
      system_share: s / (u + s) })),
  };
}
function rssKib(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find(l => l.startsWith("VmRSS:"));
    return line ? Number(line.replace(/[^0-9]/g, "")) : -1;
  } catch { return -1; }
}
function machineTicks() {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return [total - f[3] - f[4], total];
}
const ownCpuNs = () => { const u = process.cpuUsage(); return (u.user + u.system) * 1000; };
const cpus = readFileSync("/proc/stat", "utf8").split("\n").filter(l => /^cpu\d+ /.test(l)).length;

// A seeded PRNG (mulberry32) for the send phases.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const percentile = (sorted, p) => sorted.length === 0 ? 0
  : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];

let windowStart = Infinity, windowEnd = Infinity, errors = 0, skipped = 0;
let sentInWindow = 0, expectedDeliveries = 0, deliveredInWindow = 0, deliveredOfWindowSends = 0;
const echo = [], joins = [];

class User {
  constructor(index) {
    this.index = index;
    this.client = new Client(cfg.url);
    this.room = null;
    this.members = 0;
    this.seq = 0;
    this.payload = new Uint8Array(PAYLOAD_BYTES);
    this.view = new DataView(this.payload.buffer);
    this.leaving = false;
  }
  attach(room) {
    this.room = room;
    room.onMessage(RELAY, (bytes) => this.received(bytes));
    room.onLeave(() => { if (!this.leaving) { errors++; } });
  }
  received(bytes) {
    const now = nowNs();
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sender = v.getInt32(0), sentAt = Number(v.getBigInt64(8));
    if (now >= windowStart && now < windowEnd) deliveredInWindow++;
    if (sentAt >= windowStart && sentAt < windowEnd) {
      deliveredOfWindowSends++;
      if (sender === this.index) echo.push((now - sentAt) / 1e6);
    }
  }
  send() {
    const now = nowNs();
    this.view.setInt32(0, this.index);
    this.view.setInt32(4, this.seq++);
    this.view.setBigInt64(8, BigInt(now));
    if (now >= windowStart && now < windowEnd) {
      sentInWindow++;
      expectedDeliveries += this.members;
    }
    this.room.sendBytes(RELAY, this.payload);
  }
}

async function fillRoom(users, r) {
  const first = r * cfg.roomSize, last = Math.min(users.length, first + cfg.roomSize);
  const creator = users[first];
  const start = nowNs();
  let roomId;
  try {
    const room = await creator.client.create("relay", {});
    joins.push((nowNs() - start) / 1e6);
    creator.attach(room);
    roomId = room.roomId;
  } catch (e) {
    console.error(`room ${r} could not be created: ${e}`);
    errors++;
    return;
  }
  await Promise.all(users.slice(first + 1, last).map(async u => {
    const s = nowNs();
    try {
      const room = await u.client.joinById(roomId, {});
      joins.push((nowNs() - s) / 1e6);
      u.attach(room);
    } catch (e) {
      console.error(`user ${u.index} could not join: ${e}`);
      errors++;
    }
  }));
}

const users = Array.from({ length: cfg.clients }, (_, i) => new User(i));
users.forEach(u => { u.members = Math.min(cfg.roomSize, cfg.clients - Math.floor(u.index / cfg.roomSize) * cfg.roomSize); });
const rooms = Math.ceil(cfg.clients / cfg.roomSize);
const joinStart = nowNs();
let nextRoom = 0;
await Promise.all(Array.from({ length: ROOMS_FILLED_CONCURRENTLY }, async () => {
  while (nextRoom < rooms) await fillRoom(users, nextRoom++);
}));
const joinPhaseNs = nowNs() - joinStart;
await new Promise(r => setTimeout(r, SETTLE_MS));
const rssAfterJoin = cfg.serverPid > 0 ? rssKib(cfg.serverPid) : -1;

const periodNs = 1e9 / cfg.rate;
const random = prng(cfg.seed);
users.forEach(u => { u.phaseNs = random() * periodNs; });
const ordered = [...users].sort((a, b) => a.phaseNs - b.phaseNs);
const start = nowNs() + 50e6;
windowStart = start + cfg.warmupS * 1e9;
windowEnd = windowStart + cfg.windowS * 1e9;
let serverCpu = [-1, -1], serverSample = [null, null], genCpu = [-1, -1], machine = [null, null], rssMax = rssAfterJoin, actualWindowNs = 0;

// The drift-free pacer: slot k of user u is start + phase + k * period; a slot late by a whole period is skipped.
await new Promise(resolve => {
  let k = 0, i = 0, windowOpened = false;
  const step = () => {
    for (;;) {
      const now = nowNs();
      if (!windowOpened && now >= windowStart) {
        windowOpened = true;
        serverCpu[0] = processCpuNs(cfg.serverPid); serverSample[0] = cpuSample(cfg.serverPid); genCpu[0] = ownCpuNs(); machine[0] = machineTicks();
      }
      if (windowOpened && cfg.serverPid > 0 && now < windowEnd && k % cfg.rate === 0 && i === 0) {
        rssMax = Math.max(rssMax, rssKib(cfg.serverPid));
      }
      const u = ordered[i];
      const target = start + u.phaseNs + k * periodNs;
      if (target >= windowEnd) {
        if (now < windowEnd) { setTimeout(step, Math.ceil((windowEnd - now) / 1e6)); return; }
        serverCpu[1] = processCpuNs(cfg.serverPid); serverSample[1] = cpuSample(cfg.serverPid); genCpu[1] = ownCpuNs(); machine[1] = machineTicks();
        actualWindowNs = now - windowStart;
        resolve();
        return;
      }
      if (target > now) { setTimeout(step, Math.max(0, Math.floor((target - now) / 1e6))); return; }
      if (now - target >= periodNs) skipped++;
      else if (u.room) u.send();
      if (++i === ordered.length) { i = 0; k++; }
    }
  };
  step();
});
await new Promise(r => setTimeout(r, cfg.drainS * 1000));
users.forEach(u => { u.leaving = true; });
await Promise.allSettled(users.map(u => u.room ? u.room.leave(true) : null));

const windowNs = Math.max(actualWindowNs, cfg.windowS * 1e9), windowS = windowNs / 1e9;
echo.sort((a, b) => a - b);
joins.sort((a, b) => a - b);
const serverCpuNs = serverCpu[0] >= 0 && serverCpu[1] >= 0 ? serverCpu[1] - serverCpu[0] : null;
const serverPct = serverCpuNs === null ? null : 100 * serverCpuNs / windowNs;
const genPct = 100 * (genCpu[1] - genCpu[0]) / windowNs;
let busyPct = null, other = null;
if (machine[0] && machine[1] && machine[1][1] > machine[0][1]) {
  busyPct = 100 * (machine[1][0] - machine[0][0]) / (machine[1][1] - machine[0][1]);
  other = Math.max(0, busyPct * cpus - (serverPct ?? 0) - genPct);
}
const result = {
  framework: "colyseus",
  workload: { clients: cfg.clients, room_size: cfg.roomSize, rooms, rate_per_client_hz: cfg.rate,
    payload_bytes: PAYLOAD_BYTES, warmup_s: cfg.warmupS, window_s: cfg.windowS, drain_s: cfg.drainS, seed: cfg.seed },
  join: { phase_ms: joinPhaseNs / 1e6, p50_ms: percentile(joins, 50), p99_ms: percentile(joins, 99) },
  sent_msgs_per_s: sentInWindow / windowS,
  delivered_msgs_per_s: deliveredInWindow / windowS,
  delivery_ratio: expectedDeliveries === 0 ? 0 : deliveredOfWindowSends / expectedDeliveries,
  echo_rtt: { count: echo.length, p50_ms: percentile(echo, 50), p90_ms: percentile(echo, 90),
    p99_ms: percentile(echo, 99), p999_ms: percentile(echo, 99.9), max_ms: echo.length ? echo[echo.length - 1] : 0 },
  server: { pid: cfg.serverPid > 0 ? cfg.serverPid : null, cpu_pct_of_one_core_avg: serverPct,
    cpu_us_per_delivery: serverCpuNs === null || deliveredInWindow === 0 ? null : serverCpuNs / 1e3 / deliveredInWindow,
    rss_kib_after_join: rssAfterJoin >= 0 ? rssAfterJoin : null, rss_kib_max_in_window: rssMax >= 0 ? rssMax : null,
    ...describeCpu(serverSample[0], serverSample[1], deliveredInWindow) },
  load_client: { cpu_pct_of_one_core_avg: genPct,
    cpu_us_per_received_frame: deliveredInWindow ? (genCpu[1] - genCpu[0]) / 1e3 / deliveredInWindow : null,
    client: `@colyseus/sdk (Node ${process.versions.node})` },
  machine: { cpus, cpu_busy_pct_all_cores: busyPct, other_cpu_pct_of_one_core: other,
    clean: other === null ? null : other <= 15 },
  errors,
};
const json = JSON.stringify(result);
if (cfg.out) { mkdirSync(dirname(cfg.out), { recursive: true }); writeFileSync(cfg.out, json); }
console.log(json);
console.error(`deliveries of window sends: ${deliveredOfWindowSends}/${expectedDeliveries}, skipped send slots ${skipped}`);
process.exit(errors === 0 ? 0 : 2);
