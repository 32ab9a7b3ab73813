package org.photonee.it.support;

import org.photonee.core.protocol.OperationResponse;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A raw {@code Json} client the way the JavaScript SDK talks: master (authenticate, create/join) then the game
 * server with the master's token. Keeps the game-server connection for in-room frames.
 */
public final class JsonPlayer {
    private JsonPlayer() {
    }

    /** Authenticates on the master over Json with app id, version and user id. */
    public static MessageClient master(ServerProbe server, String appVersion, String userId) throws Exception {
        MessageClient master = MessageClient.json(URI.create(server.webSocket("master") + "/"
                + TestPlayer.APP_ID + "?libversion=4.4.0"));
        master.sendRaw("{\"req\":230,\"vals\":[224,\"" + TestPlayer.APP_ID + "\",220,\"" + appVersion + "\",225,\""
                + userId + "\"]}");
        OperationResponse auth = master.response(230);
        assertEquals(0, auth.returnCode(), auth.debugMessage());
        return master;
    }

    /**
     * Joins (226) or creates (227) a room through the master and enters it on the game server; the game server's
     * join response is available through {@link #lastJoin}.
     *
     * @param joinParams extra request parameters as Json "vals" pairs, e.g. {@code ,249,{"255":"dave"}}, or ""
     */
    public static MessageClient enter(ServerProbe server, String appVersion, String userId, int op, String room,
                                      String joinParams) throws Exception {
        String gameAddress;
        String token;
        try (MessageClient master = master(server, appVersion, userId)) {
            master.sendRaw("{\"req\":" + op + ",\"vals\":[255,\"" + room + "\"]}");
            OperationResponse r = master.response(op);
            assertEquals(0, r.returnCode(), "master " + op + ": " + r.debugMessage());
            gameAddress = (String) r.parameters().get(230);
            token = (String) r.parameters().get(221);
        }
        MessageClient game = MessageClient.json(URI.create(gameAddress + "/" + TestPlayer.APP_ID
                + "?libversion=4.4.0"));
        game.sendRaw("{\"req\":230,\"vals\":[224,\"" + TestPlayer.APP_ID + "\",220,\"" + appVersion + "\",221,\""
                + token + "\",225,\"" + userId + "\"]}");
        OperationResponse auth = game.response(230);
        assertEquals(0, auth.returnCode(), auth.debugMessage());
        game.sendRaw("{\"req\":" + op + ",\"vals\":[255,\"" + room + "\"" + joinParams + "]}");
        OperationResponse join = game.response(op);
        assertEquals(0, join.returnCode(), "game server " + op + ": " + join.debugMessage());
        LAST_JOIN.set(join);
        return game;
    }

    private static final ThreadLocal<OperationResponse> LAST_JOIN = new ThreadLocal<>();

    /** The game server's answer to the last {@link #enter} on this thread. */
    public static OperationResponse lastJoin() {
        return LAST_JOIN.get();
    }
}
