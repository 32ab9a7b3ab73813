package org.photonee.core.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.Values;
import org.photonee.core.protocol.WireFrame;

/** The client frames observed from the official JavaScript SDK 4.4.0 and the response shapes it accepts (PROTOCOL.md). */
class JsonGoldenTest {
    private final JsonProtocol protocol = new JsonProtocol();

    @Test
    void sessionGreetingIsAFramedPlainString() {
        assertEquals("~m~10~m~sess123456", JsonProtocol.sessionGreeting("sess123456").text());
    }

    @Test
    void aClientTellsTheSessionGreetingFromMessages() {
        assertEquals("sess123456", JsonProtocol.sessionIdOf(JsonProtocol.sessionGreeting("sess123456")));
        WireFrame response = protocol.encode(OperationResponse.ok(230, Parameters.of(230, "ws://m/photon/master")));
        assertEquals(null, JsonProtocol.sessionIdOf(response), "a JSON frame is no greeting");
        assertEquals(null, JsonProtocol.sessionIdOf(WireFrame.text("~m~9~m~sess123456")), "a wrong length is none");
        assertEquals(null, JsonProtocol.sessionIdOf(WireFrame.text("{\"evt\":1}")), "bare JSON is none");
    }

    @Test
    void frameLengthCountsUtf16CodeUnits() {
        assertEquals("~m~6~m~~j~😀é", JsonFraming.frame("~j~😀é"));
    }

    // ---- observed client frames ----

    @Test
    void nameServerAuthenticate() throws ProtocolException {
        assertDecodes("{\"req\":230,\"vals\":[224,\"my-app-id\",220,\"1.0\",210,\"eu\"]}",
                new OperationRequest(230, Parameters.of(224, "my-app-id", 220, "1.0", 210, "eu")));
    }

    @Test
    void ping() throws ProtocolException {
        assertDecodes("{\"irq\":1,\"vals\":[1,49]}", new OperationRequest(1, Parameters.of(1, 49), true));
    }

    @Test
    void masterAuthenticateWithTokenAndJoinLobbyWithoutParameters() throws ProtocolException {
        assertDecodes("{\"req\":230,\"vals\":[221,\"<secret from name server>\"]}",
                new OperationRequest(230, Parameters.of(221, "<secret from name server>")));
        assertDecodes("{\"req\":229,\"vals\":[]}", new OperationRequest(229));
    }

    @Test
    void createGameWithRoomPropertiesAndDuplicateFlag() throws ProtocolException {
        PhotonHashtable props = PhotonHashtable.of((byte) 250, new Object[] {"map"}, (byte) 255, 4, "map", "de_dust");
        assertDecodes("{\"req\":227,\"vals\":[255,\"room1\",248,{\"250\":[\"map\"],\"255\":4,\"map\":\"de_dust\"},"
                        + "241,true,250,true,232,true,239,true]}",
                new OperationRequest(227, Parameters.of(255, "room1", 248, props, 241, true, 250, true, 232, true,
                        239, true)));
    }

    @Test
    void gameServerCreateWithActorProperties() throws ProtocolException {
        Message m = decode("{\"req\":227,\"vals\":[255,\"room1\",248,{\"250\":[\"map\"],\"255\":4,\"map\":\"de_dust\"},"
                + "241,true,250,true,232,true,239,true,249,{\"255\":\"alice\",\"color\":\"red\"}]}");
        assertEquals(PhotonHashtable.of((byte) 255, "alice", "color", "red"), m.parameters().get(249));
        assertEquals((byte) 255, ((PhotonHashtable) m.parameters().get(248)).keySet().toArray()[1]);
    }

    @Test
    void raiseEventSetPropertiesLeave() throws ProtocolException {
        assertDecodes("{\"req\":253,\"vals\":[244,7,245,{\"hello\":\"world\"},246,1]}",
                new OperationRequest(253, Parameters.of(244, 7, 245, PhotonHashtable.of("hello", "world"), 246, 1)));
        assertDecodes("{\"req\":252,\"vals\":[251,{\"score\":5},250,true]}",
                new OperationRequest(252, Parameters.of(251, PhotonHashtable.of("score", 5), 250, true)));
        assertDecodes("{\"req\":254,\"vals\":[]}", new OperationRequest(254));
    }

    @Test
    void framedClientMessageDecodesLikeTheBareOne() throws ProtocolException {
        String json = "{\"req\":230,\"vals\":[224,\"my-app-id\",220,\"1.0\"]}";
        assertEquals(decode(json), decode(JsonFraming.frame("~j~" + json)));
        assertEquals(decode(json), decode("~j~" + json));
    }

    @Test
    void numbersMapToIntegerLongDouble() throws ProtocolException {
        Message m = decode("{\"evt\":1,\"vals\":[1,2147483647,2,2147483648,3,-9223372036854775808,"
                + "4,9223372036854775808,5,1.5,6,1e2,7,-0]}");
        Parameters p = m.parameters();
        assertEquals(Integer.MAX_VALUE, p.get(1));
        assertEquals(2147483648L, p.get(2));
        assertEquals(Long.MIN_VALUE, p.get(3));
        assertEquals(9.223372036854775808E18, p.get(4));
        assertEquals(1.5, p.get(5));
        assertEquals(100.0, p.get(6));
        assertEquals(0, p.get(7));
    }

    @Test
    void onlyCanonicalKeysUpTo255BecomeBytes() throws ProtocolException {
        Message m = decode("{\"evt\":1,\"vals\":[1,{\"0\":1,\"255\":2,\"256\":3,\"007\":4,\"-1\":5,\"\":6}]}");
        assertTrue(Values.deepEquals(PhotonHashtable.of((byte) 0, 1, (byte) 255, 2, "256", 3, "007", 4, "-1", 5, "", 6),
                m.parameters().get(1)));
    }

    @Test
    void stringEscapes() throws ProtocolException {
        Message m = decode("{\"evt\":1,\"vals\":[1,\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800\"]}");
        assertEquals("a\"b\\c/d\b\f\n\r\té😀\ud800", m.parameters().get(1));
    }

    // ---- response shapes the client accepts ----

    @Test
    void nameServerAuthResponse() {
        assertEncodes(OperationResponse.ok(230, Parameters.of(230, "ws://host:9090/path", 221, "s3cr3t", 225, "u1")),
                "{\"res\":230,\"err\":0,\"vals\":[230,\"ws://host:9090/path\",221,\"s3cr3t\",225,\"u1\"]}");
    }

    @Test
    void errorResponseCarriesErrAndMsg() {
        assertEncodes(OperationResponse.error(226, (short) 32758, "Game does not exist"),
                "{\"res\":226,\"err\":32758,\"msg\":\"Game does not exist\",\"vals\":[]}");
    }

    @Test
    void gameCreateResponseWithByteKeysAndTypedArrays() {
        PhotonHashtable room = PhotonHashtable.of((byte) 248, 1, (byte) 250, new String[] {"map"}, (byte) 255,
                (byte) 4, "map", "de_dust");
        PhotonHashtable actors = PhotonHashtable.of(1, PhotonHashtable.of((byte) 255, "alice", "color", "red"));
        assertEncodes(OperationResponse.ok(227, Parameters.of(254, 1, 248, room, 252, new int[] {1}, 249, actors)),
                "{\"res\":227,\"err\":0,\"vals\":[254,1,248,{\"248\":1,\"250\":[\"map\"],\"255\":4,"
                        + "\"map\":\"de_dust\"},252,[1],249,{\"1\":{\"255\":\"alice\",\"color\":\"red\"}}]}");
    }

    @Test
    void events() {
        assertEncodes(new EventData(255, Parameters.of(254, 1, 252, new int[] {1}, 249,
                        PhotonHashtable.of((byte) 255, "alice", "color", "red"))),
                "{\"evt\":255,\"vals\":[254,1,252,[1],249,{\"255\":\"alice\",\"color\":\"red\"}]}");
        assertEncodes(new EventData(253, Parameters.of(253, (byte) 0, 251, PhotonHashtable.of("score", 5), 254, 2)),
                "{\"evt\":253,\"vals\":[253,0,251,{\"score\":5},254,2]}");
    }

    @Test
    void pingReply() {
        assertEncodes(new OperationResponse(1, (short) 0, null, Parameters.of(1, 49, 2, 4096), true),
                "{\"irs\":1,\"vals\":[1,49,2,4096]}");
    }

    @Test
    void valueEncodings() {
        assertEncodes(new EventData(1, Parameters.of(1, new byte[] {0, (byte) 255}, 2, 0.1f, 3, Double.NaN,
                        4, new short[] {-1}, 5, new Object[] {null, false}, 6, "q\"\u0001\ud800😀", 7, 1e21)),
                "{\"evt\":1,\"vals\":[1,[0,255],2,0.1,3,null,4,[-1],5,[null,false],6,\"q\\\"\\u0001\\ud800😀\","
                        + "7,1.0E21]}");
    }

    // ---- helpers ----

    private void assertEncodes(Message m, String json) {
        String expected = JsonFraming.frame("~j~" + json);
        assertEquals(expected, protocol.encode(m).text());
    }

    private void assertDecodes(String json, Message expected) throws ProtocolException {
        assertEquals(expected, decode(json));
        assertEquals(expected, decode(protocol.encode(expected).text()), "round trip");
    }

    private Message decode(String text) throws ProtocolException {
        return protocol.decode(WireFrame.text(text), ProtocolLimits.DEFAULTS);
    }
}
