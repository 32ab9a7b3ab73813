// Drives the official Photon JavaScript SDK (npm photon-realtime, installed into target/ at test time, never
// committed): name server -> master, then one webRpc call. Prints one JSON line per milestone and the WebRPC
// result for the Java test to read.
// Usage: node photon-sdk-webrpc.js <nameServerUrl> <appId> <uriPath> <paramsJson>
'use strict';
const Photon = require(process.env.PHOTON_SDK_DIR + '/node_modules/photon-realtime');
const [nsUrl, appId, uriPath, paramsJson] = process.argv.slice(2);
const LBC = Photon.LoadBalancing.LoadBalancingClient;
const client = new LBC(Photon.ConnectionProtocol.Ws, appId, '1.0');
const say = (o) => console.log(JSON.stringify(o));
let done = false;
let called = false;

function finish(code) {
  if (done) return;
  done = true;
  try { client.disconnect(); } catch (e) { /* already closed */ }
  setTimeout(() => process.exit(code), 200);
}

client.setNameServerAddress(nsUrl);
client.onError = (code, msg) => { say({ event: 'error', code: code, msg: String(msg) }); finish(1); };
client.onStateChange = (state) => {
  say({ event: 'state', state: state });
  if (state === LBC.State.JoinedLobby && !called) {
    called = true;
    client.webRpc(uriPath, JSON.parse(paramsJson));
  }
};
client.onWebRpcResult = (errorCode, errorMsg, path, resultCode, data) => {
  say({ event: 'webRpc', errorCode: errorCode, errorMsg: errorMsg, uriPath: path, resultCode: resultCode,
        data: data });
  finish(errorCode ? 3 : 0);
};
setTimeout(() => { say({ event: 'timeout' }); finish(2); }, 30000);
client.connectToRegionMaster('eu');
