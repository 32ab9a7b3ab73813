// The official Photon JavaScript SDK (npm photon-realtime, proprietary: installed at test time, never committed)
// against a running server: two players go name server -> master -> game server, meet in one room, and an event
// reaches the other. Usage, with a server from `./photon run --port 8190 --netty-port 8191`:
//   d=$(mktemp -d) && (cd "$d" && npm install photon-realtime@4.4.0) && \
//   NODE_PATH="$d/node_modules" node src-test/js/sdk-smoke.js ws://127.0.0.1:8191/photon/ns
// Prints the state changes and "OK", exit 0; exit 1 after 20 s without the event.
const Photon = require('photon-realtime');
const LBC = Photon.LoadBalancing.LoadBalancingClient;
const ns = process.argv[2];
const log = (...a) => console.log(...a);
function client(name) {
  const c = new LBC(Photon.ConnectionProtocol.Ws, "js-app", "1.0");
  c.setNameServerAddress(ns);
  c.setUserId(name);
  c.setLogLevel(Photon.LogLevel.WARN);
  return c;
}
const a = client("alice"), b = client("bob");
const timer = setTimeout(() => { log("FAIL timeout"); process.exit(1); }, 20000);
a.onStateChange = s => {
  log("alice", LBC.StateToName(s));
  if (s === LBC.State.JoinedLobby) a.createRoom("js-room");
  if (s === LBC.State.Joined) b.connectToRegionMaster("eu");
};
b.onStateChange = s => {
  log("bob", LBC.StateToName(s));
  if (s === LBC.State.JoinedLobby) b.joinRoom("js-room");
  if (s === LBC.State.Joined) setTimeout(() => a.raiseEvent(7, { msg: "hello from alice" }), 200);
};
b.onEvent = (code, content, actorNr) => {
  log("bob got event", code, JSON.stringify(content), "from actor", actorNr);
  if (code === 7) {
    log("game server address:", b.getGameServerAddress ? b.getGameServerAddress() : "(n/a)");
    clearTimeout(timer); log("OK"); process.exit(0);
  }
};
a.onError = (e, m) => log("alice error", e, m);
b.onError = (e, m) => log("bob error", e, m);
a.connectToRegionMaster("eu");
