// Drives the official Photon JavaScript SDK (npm photon-realtime, installed into target/ at test time, never
// committed) through one login: name server with custom authentication -> master -> game server, then creates a
// room. Prints one JSON line per milestone for the Java test to read, and exits 0 once joined.
// Usage: node photon-sdk-login.js <nameServerUrl> <appId> <authType> <authParams> <roomName>
'use strict';
const Photon = require(process.env.PHOTON_SDK_DIR + '/node_modules/photon-realtime');
const [nsUrl, appId, authType, authParams, roomName] = process.argv.slice(2);
const LBC = Photon.LoadBalancing.LoadBalancingClient;
const client = new LBC(Photon.ConnectionProtocol.Ws, appId, '1.0');
const say = (o) => console.log(JSON.stringify(o));
let done = false;

function finish(code) {
  if (done) return;
  done = true;
  try { client.disconnect(); } catch (e) { /* already closed */ }
  setTimeout(() => process.exit(code), 200);
}

client.setNameServerAddress(nsUrl);
client.setCustomAuthentication(authParams, Number(authType));
client.onError = (code, msg) => { say({ event: 'error', code: code, msg: String(msg) }); finish(1); };
client.onOperationResponse = (errorCode, errorMsg, code) => {
  if (errorCode) say({ event: 'operationError', operation: code, errorCode: errorCode, msg: String(errorMsg) });
};
client.onStateChange = (state) => {
  say({ event: 'state', state: state });
  if (state === LBC.State.JoinedLobby) client.createRoom(roomName);
};
client.onJoinRoom = () => {
  say({ event: 'joined', room: client.myRoom().name, actor: client.myActor().actorNr, userId: client.getUserId() });
  finish(0);
};
setTimeout(() => { say({ event: 'timeout' }); finish(2); }, 30000);
client.connectToRegionMaster('eu');
