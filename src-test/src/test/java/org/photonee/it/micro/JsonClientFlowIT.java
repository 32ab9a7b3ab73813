package org.photonee.it.micro;

import org.junit.jupiter.api.Test;

import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the JavaScript SDK's frames from PROTOCOL.md §1 (name server → master → game server) over {@code Json},
 * byte for byte as the SDK writes them, and checks the response and event shapes that SDK accepts; then a
 * {@code GpBinaryV16} client joins the same room and the two see each other's events and properties.
 */
class JsonClientFlowIT extends MicroWarTest {

    @Test
    void javascriptSdkFramesThroughAllThreeRolesAndABinaryClientInTheSameRoom() throws Exception {
        ServerProbe server = probe();
        org.photonee.it.support.HealthAssertions.awaitReady(server);
        String masterAddress;
        String nsToken;
        try (MessageClient ns = MessageClient.json(server.webSocket("ns/my-app-id?libversion=4.4.0"))) {
            assertTrue(ns.greeting().startsWith("~m~"), ns.greeting());
            ns.sendRaw("{\"req\":230,\"vals\":[224,\"my-app-id\",220,\"1.0\",210,\"eu\"]}");
            String raw = ns.nextRawText();
            assertTrue(raw.contains("{\"res\":230,\"err\":0"), raw);
            OperationResponse auth = decodeJson(raw);
            masterAddress = (String) auth.parameters().get(230);
            nsToken = (String) auth.parameters().get(221);
            assertEquals("/photon/master", URI.create(masterAddress).getPath());
            assertEquals(server.webSocket("").getPort(), URI.create(masterAddress).getPort());
            assertNotNull(nsToken);
            assertNotNull(auth.parameters().get(225), "user id");
        }

        String gameAddress;
        String gameToken;
        try (MessageClient master = MessageClient.json(URI.create(masterAddress + "/my-app-id?libversion=4.4.0"))) {
            master.sendRaw("{\"req\":230,\"vals\":[221,\"" + nsToken + "\"]}");
            OperationResponse auth = master.response(230);
            assertEquals(0, auth.returnCode(), auth.debugMessage());
            master.sendRaw("{\"req\":229,\"vals\":[]}");
            assertEquals(0, master.response(229).returnCode());
            EventData gameList = master.event(230);
            assertInstanceOf(PhotonHashtable.class, gameList.parameters().get(222));
            master.sendRaw("{\"req\":227,\"vals\":[255,\"room1\",248,{\"250\":[\"map\"],\"255\":4,\"map\":\"de_dust\"},"
                    + "241,true,250,true,232,true,239,true]}");
            OperationResponse create = master.response(227);
            assertEquals(0, create.returnCode(), create.debugMessage());
            gameAddress = (String) create.parameters().get(230);
            assertEquals("room1", create.parameters().get(255));
            gameToken = (String) create.parameters().get(221);
            assertEquals("/photon/game", URI.create(gameAddress).getPath());
            assertEquals(server.webSocket("").getPort(), URI.create(gameAddress).getPort());
            assertNotNull(gameToken);
        }

        try (MessageClient js = MessageClient.json(URI.create(gameAddress + "/my-app-id?libversion=4.4.0"))) {
            js.sendRaw("{\"req\":230,\"vals\":[224,\"my-app-id\",220,\"1.0\",221,\"" + gameToken
                    + "\",225,\"user-1\"]}");
            OperationResponse auth = js.response(230);
            assertEquals(0, auth.returnCode(), auth.debugMessage());
            js.sendRaw("{\"req\":227,\"vals\":[255,\"room1\",248,{\"250\":[\"map\"],\"255\":4,\"map\":\"de_dust\"},"
                    + "241,true,250,true,232,true,239,true,249,{\"255\":\"alice\",\"color\":\"red\"}]}");
            OperationResponse created = js.response(227);
            assertEquals(0, created.returnCode(), created.debugMessage());
            assertEquals(1, created.parameters().get(254), "actor nr");
            PhotonHashtable roomProps = (PhotonHashtable) created.parameters().get(248);
            assertEquals(4, ((Number) roomProps.get((byte) 255)).intValue(), "MaxPlayers as a byte key");
            assertEquals("de_dust", roomProps.get("map"));
            EventData join = js.event(255);
            assertEquals(1, join.parameters().get(254));

            js.sendRaw("{\"req\":253,\"vals\":[244,7,245,{\"hello\":\"world\"},246,1]}");
            EventData own = js.event(7);
            assertEquals(1, own.parameters().get(254), "sender actor nr");
            assertEquals("world", ((PhotonHashtable) own.parameters().get(245)).get("hello"));

            // A binary client joins the same room through the master.
            try (MessageClient bin = binaryJoin(server, "room1", "user-2")) {
                EventData joined = js.event(255);
                assertEquals(2, joined.parameters().get(254));
                bin.send(253, 244, (byte) 9, 245, new byte[]{1, 2, 3});
                EventData fromBinary = js.event(9);
                assertEquals(2, fromBinary.parameters().get(254));
                Object payload = fromBinary.parameters().get(245);
                assertInstanceOf(Object[].class, payload, "byte[] reaches a Json client as an array of numbers");

                js.sendRaw("{\"req\":252,\"vals\":[251,{\"score\":5},250,true]}");
                assertEquals(0, js.response(252).returnCode());
                EventData props = bin.event(253);
                PhotonHashtable changed = (PhotonHashtable) props.parameters().get(251);
                assertEquals(5, changed.get("score"), "a Json whole number arrives as int for binary clients");
                assertEquals(1, props.parameters().get(254));

                js.sendRaw("{\"req\":254,\"vals\":[]}");
                assertEquals(0, js.response(254).returnCode());
                EventData left = bin.event(254);
                assertEquals(1, left.parameters().get(254));
            }
        }
    }

    private static MessageClient binaryJoin(ServerProbe server, String room, String userId) throws Exception {
        String gameAddress;
        String token;
        try (MessageClient master = MessageClient.binary(server.webSocket("master/?libversion=4.1&app=my-app-id"))) {
            OperationResponse auth = master.call(230, 224, "my-app-id", 220, "1.0",
                    225, userId);
            assertEquals(0, auth.returnCode(), auth.debugMessage());
            OperationResponse join = master.call(226, 255, room);
            assertEquals(0, join.returnCode(), join.debugMessage());
            gameAddress = (String) join.parameters().get(230);
            token = (String) join.parameters().get(221);
        }
        MessageClient game = MessageClient.binary(URI.create(gameAddress + "/?libversion=4.1&app=my-app-id"));
        OperationResponse auth = game.call(230, 224, "my-app-id", 220, "1.0", 221, token,
                225, userId);
        assertEquals(0, auth.returnCode(), auth.debugMessage());
        OperationResponse join = game.call(226, 255, room);
        assertEquals(0, join.returnCode(), join.debugMessage());
        assertEquals(2, join.parameters().get(254));
        assertArrayEquals(new int[]{1, 2}, (int[]) join.parameters().get(252));
        return game;
    }

    private static OperationResponse decodeJson(String text) throws Exception {
        return (OperationResponse) new org.photonee.core.codec.json.JsonProtocol().decode(
                org.photonee.core.protocol.WireFrame.text(text), org.photonee.core.protocol.ProtocolLimits.DEFAULTS);
    }
}
