package org.photonee.it.micro;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.RoomOptions;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol16.TypeCode;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.JsonPlayer;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.RawSocket;
import org.photonee.it.support.ServerProbe;
import org.photonee.it.support.TestPlayer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GpBinaryV18 end to end on Payara Micro (issue 12): the subprotocol is negotiated and echoed, and a Java client
 * speaking V18, one speaking V16 and a raw Json client share a room, each receiving the others' events in its own
 * encoding with the binary types intact.
 */
class MixedProtocolRoomIT extends MicroWarTest {
    private static final GpBinaryV18Protocol V18 = new GpBinaryV18Protocol();
    private ServerProbe server;

    @BeforeEach
    void ready() throws Exception {
        server = probe();
        HealthAssertions.awaitReady(server);
    }

    @Test
    void gpBinaryV18IsNegotiatedEchoedAndAnswersPing() throws Exception {
        try (RawSocket client = RawSocket.open(server.webSocket("ns"), "GpBinaryV18")) {
            assertEquals("GpBinaryV18", client.subprotocol());
            // the WebSocket keep-alive (§1.15): internal op 1 with the client's time, answered with it and the server's
            client.send(V18, new OperationRequest(1, Parameters.of(1, 4242), true));
            OperationResponse pong = assertInstanceOf(OperationResponse.class, client.next(V18));
            assertTrue(pong.internal());
            assertEquals(4242, pong.parameters().get(1));
        }
    }

    /** Values of the kinds a PUN client puts in an event. */
    private static PhotonHashtable richData() {
        PhotonDictionary scores = new PhotonDictionary(TypeCode.STRING, TypeCode.INT);
        scores.put("red", 3);
        scores.put("blue", -70000);
        return PhotonHashtable.of((byte) 1, (byte) 200, "short", (short) -2, "int", 300, "long", 1L << 40,
                "float", 1.5f, "double", 0.1, "bool", true, "bytes", new byte[] {1, 2, 3},
                "ints", new int[] {0, 1, -1, 65536}, "strings", new String[] {"a", "é"},
                "objects", new Object[] {null, "x", 7}, "scores", scores);
    }

    private static Object data(EventData e) {
        return e.parameters().get(ParameterCode.DATA);
    }

    @Test
    void v18V16AndJsonClientsShareARoomEachInItsOwnEncoding() throws Exception {
        String v = "mixed";
        String room = "mixed-room";
        try (TestPlayer unity = TestPlayer.onMaster(server, v, "unity", V18);
             TestPlayer legacy = TestPlayer.onMaster(server, v, "legacy", new GpBinaryV16Protocol())) {
            assertEquals(1, unity.await(unity.client().createRoom(room, RoomOptions.defaults().withMaxPlayers(4)))
                    .localActorNr());
            assertEquals(2, legacy.await(legacy.client().joinRoom(room)).localActorNr());
            try (MessageClient browser = JsonPlayer.enter(server, v, "browser", 226, room, "")) {
                unity.event(e -> e.code() == EventCode.JOIN
                        && Values.toInt(e.parameters().get(ParameterCode.ACTOR_NR), 0) == 3);

                // V18 → V16, V18 (itself) and Json
                unity.client().raiseEvent(1, richData(), RaiseEventOptions.toAll());
                for (TestPlayer p : List.of(unity, legacy)) {
                    Object got = data(p.event(1));
                    assertTrue(Values.deepEquals(richData(), got),
                            () -> p.userId() + " got " + Values.toDebugString(got));
                    PhotonDictionary scores = (PhotonDictionary) ((PhotonHashtable) got).get("scores");
                    assertEquals(TypeCode.INT, scores.valueType(), p.userId() + ": the declared value type");
                }
                PhotonHashtable json = (PhotonHashtable) data(browser.event(1));
                assertEquals(300, Values.toInt(json.get("int")));
                assertEquals("x", ((Object[]) json.get("objects"))[1]);

                // V16 → V18, and Json → V18
                legacy.client().raiseEvent(2, richData(), RaiseEventOptions.toAll());
                Object fromV16 = data(unity.event(2));
                assertTrue(Values.deepEquals(richData(), fromV16), () -> Values.toDebugString(fromV16));
                assertEquals(Long.class, ((PhotonHashtable) fromV16).get("long").getClass());

                browser.sendRaw("{\"req\":253,\"vals\":[244,3,245,{\"hello\":\"world\"},246,1]}");
                EventData fromJson = unity.event(3);
                assertEquals(PhotonHashtable.of("hello", "world"), data(fromJson));
                assertEquals(3, Values.toInt(fromJson.parameters().get(ParameterCode.ACTOR_NR)));
            }
        }
    }
}
