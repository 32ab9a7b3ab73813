// The peer server of the benchmark: Colyseus 0.18 with a relay room that rebroadcasts each 64-byte message,
// unchanged, to all members including the sender (ReceiverGroup.All in Photon terms). Binds 127.0.0.1 only.
//   node relay-server.mjs PORT
import { Server, Room } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";

const port = Number(process.argv[2] || 2567);
const RELAY = 1; // message type of the relayed payload

class RelayRoom extends Room {
  maxClients = 8;

  onCreate() {
    this.autoDispose = true;
    this.onMessageBytes(RELAY, (client, bytes) => this.broadcastBytes(RELAY, bytes, {}));
  }
}

const server = new Server({ transport: new WebSocketTransport() });
server.define("relay", RelayRoom);
await server.listen(port, "127.0.0.1");
console.log(`colyseus relay listening on ws://127.0.0.1:${port} (pid ${process.pid})`);
