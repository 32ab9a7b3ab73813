package org.photonee.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * Scripts for a FakeServer that behave like a name server, master and game server as LOADBALANCING.md describes,
 * just enough for the client's flows. Errors can be injected per operation.
 */
public final class FakeLoadBalancing {
    static final String NS = "/photon/ns";
    static final String MASTER = "/photon/master";
    static final String GAME = "/photon/game";
    static final String MASTER_ADDRESS = "ws://fake:9090/photon/master";
    static final String GAME_ADDRESS = "ws://fake:9091/photon/game";

    public final FakeServer server = new FakeServer();
    /** When set, RaiseEvent is relayed to every member of the sender's room (ReceiverGroup.All), like a game server. */
    public volatile boolean relay;
    private final Map<FakeServer.FakeConnection, String> roomOf = new ConcurrentHashMap<>();
    private final Map<FakeServer.FakeConnection, Integer> actorOf = new ConcurrentHashMap<>();
    /** Error to answer instead of success, by "path:op". */
    final Map<String, OperationResponse> errors = new ConcurrentHashMap<>();
    final AtomicInteger nextActor = new AtomicInteger(1);

    public FakeLoadBalancing() {
        server.script(NS, this::nameServer);
        server.script(MASTER, this::master);
        server.script(GAME, this::game);
    }

    /** The names of the rooms game-server connections have joined (and, for each, whether it is still open). */
    public Map<String, Boolean> gameRooms() {
        Map<String, Boolean> rooms = new java.util.TreeMap<>();
        roomOf.forEach((c, room) -> rooms.merge(room, c.isOpen(), Boolean::logicalOr));
        return rooms;
    }

    void fail(String path, int op, short code, String message) {
        errors.put(path + ":" + op, OperationResponse.error(op, code, message));
    }

    private OperationResponse injected(String path, OperationRequest r) {
        return errors.get(path + ":" + r.code());
    }

    private List<Message> nameServer(FakeServer.FakeConnection c, OperationRequest r) {
        OperationResponse e = injected(NS, r);
        if (e != null) {
            return List.of(e);
        }
        if (r.code() == OperationCode.AUTHENTICATE) {
            String user = Values.toStringOrNull(r.parameters().get(ParameterCode.USER_ID));
            return List.of(OperationResponse.ok(r.code(), Parameters.of(ParameterCode.ADDRESS, MASTER_ADDRESS,
                    ParameterCode.TOKEN, "tok-ns", ParameterCode.USER_ID, user == null ? "generated-user" : user)));
        }
        if (r.code() == OperationCode.GET_REGIONS) {
            return List.of(OperationResponse.ok(r.code(), Parameters.of(ParameterCode.REGION, new String[] {"eu", "us"},
                    ParameterCode.ADDRESS, new String[] {MASTER_ADDRESS, "ws://us/photon/master"})));
        }
        return List.of(OperationResponse.error(r.code(), ReturnCode.OPERATION_INVALID, "unknown op"));
    }

    private List<Message> master(FakeServer.FakeConnection c, OperationRequest r) {
        OperationResponse e = injected(MASTER, r);
        if (e != null) {
            return List.of(e);
        }
        Parameters p = r.parameters();
        switch (r.code()) {
            case OperationCode.AUTHENTICATE -> {
                return List.of(OperationResponse.ok(r.code(), Parameters.of(ParameterCode.TOKEN, "tok-m")));
            }
            case OperationCode.JOIN_LOBBY -> {
                PhotonHashtable games = PhotonHashtable.of("r1", PhotonHashtable.of(GamePropertyKey.PLAYER_COUNT, 2,
                        GamePropertyKey.MAX_PLAYERS, (byte) 4), "r2", PhotonHashtable.of(GamePropertyKey.PLAYER_COUNT, 1));
                return List.of(OperationResponse.ok(r.code()),
                        new EventData(EventCode.GAME_LIST, Parameters.of(ParameterCode.GAME_LIST, games)));
            }
            case OperationCode.LEAVE_LOBBY -> {
                return List.of(OperationResponse.ok(r.code()));
            }
            case OperationCode.CREATE_GAME, OperationCode.JOIN_GAME -> {
                Object name = p.get(ParameterCode.GAME_ID);
                return List.of(OperationResponse.ok(r.code(), Parameters.of(ParameterCode.ADDRESS, GAME_ADDRESS,
                        ParameterCode.GAME_ID, name == null ? "generated-room" : name, ParameterCode.TOKEN, "tok-g")));
            }
            case OperationCode.JOIN_RANDOM_GAME -> {
                return List.of(OperationResponse.ok(r.code(), Parameters.of(ParameterCode.ADDRESS, GAME_ADDRESS,
                        ParameterCode.GAME_ID, "random-room", ParameterCode.TOKEN, "tok-g")));
            }
            case OperationCode.FIND_FRIENDS -> {
                return List.of(OperationResponse.ok(r.code(), Parameters.of(
                        ParameterCode.FIND_FRIENDS_IS_ONLINE, new boolean[] {true, false},
                        ParameterCode.FIND_FRIENDS_USER_STATES, new String[] {"r1", ""})));
            }
            case OperationCode.LOBBY_STATS -> {
                return List.of(OperationResponse.ok(r.code(), Parameters.of(
                        ParameterCode.LOBBY_NAME, new String[] {"", "sql"},
                        ParameterCode.LOBBY_TYPE, new byte[] {0, 2},
                        ParameterCode.PEER_COUNT, new int[] {5, 7},
                        ParameterCode.GAME_COUNT, new int[] {2, 3})));
            }
            default -> {
                return List.of(OperationResponse.error(r.code(), ReturnCode.OPERATION_INVALID, "unknown op"));
            }
        }
    }

    private List<Message> game(FakeServer.FakeConnection c, OperationRequest r) {
        OperationResponse e = injected(GAME, r);
        if (e != null) {
            return List.of(e);
        }
        Parameters p = r.parameters();
        switch (r.code()) {
            case OperationCode.AUTHENTICATE -> {
                if (!"tok-g".equals(p.get(ParameterCode.TOKEN)) && !"tok-m".equals(p.get(ParameterCode.TOKEN))) {
                    return List.of(OperationResponse.error(r.code(), ReturnCode.INVALID_AUTHENTICATION, "bad token"));
                }
                return List.of(OperationResponse.ok(r.code()));
            }
            case OperationCode.CREATE_GAME, OperationCode.JOIN_GAME -> {
                int actor = nextActor.getAndIncrement();
                roomOf.put(c, String.valueOf(p.get(ParameterCode.GAME_ID)));
                actorOf.put(c, actor);
                Object props = p.get(ParameterCode.ACTOR_PROPERTIES);
                PhotonHashtable actorProps = props instanceof PhotonHashtable h ? h : new PhotonHashtable();
                PhotonHashtable all = new PhotonHashtable();
                all.put(actor, actorProps);
                Parameters joined = Parameters.of(ParameterCode.ACTOR_NR, actor,
                        ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, (byte) 4,
                                GamePropertyKey.MASTER_CLIENT_ID, 1, "map", "dust"),
                        ParameterCode.ACTOR_PROPERTIES, all,
                        ParameterCode.ACTORS, new int[] {actor});
                return List.of(OperationResponse.ok(r.code(), joined), new EventData(EventCode.JOIN,
                        Parameters.of(ParameterCode.ACTOR_NR, actor, ParameterCode.ACTORS, new int[] {actor},
                                ParameterCode.ACTOR_PROPERTIES, actorProps)));
            }
            case OperationCode.RAISE_EVENT -> {
                int code = Values.toInt(p.get(ParameterCode.CODE));
                if (code == 99) {
                    return List.of(OperationResponse.error(r.code(), ReturnCode.OPERATION_INVALID, "no 99s here"));
                }
                if (relay) {
                    String room = roomOf.get(c);
                    EventData ev = new EventData(code, Parameters.of(ParameterCode.ACTOR_NR, actorOf.get(c),
                            ParameterCode.DATA, p.get(ParameterCode.DATA)));
                    roomOf.forEach((member, memberRoom) -> {
                        if (memberRoom.equals(room) && member.isOpen()) {
                            member.push(ev);
                        }
                    });
                    return List.of();
                }
                // Echo to the sender so ReceiverGroup.All round trips can be observed.
                return List.of(new EventData(code, Parameters.of(ParameterCode.ACTOR_NR, 1,
                        ParameterCode.DATA, p.get(ParameterCode.DATA))));
            }
            case OperationCode.SET_PROPERTIES, OperationCode.LEAVE -> {
                return List.of(OperationResponse.ok(r.code()));
            }
            case OperationCode.GET_PROPERTIES -> {
                return List.of(OperationResponse.ok(r.code(), Parameters.of(
                        ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("map", "mirage"),
                        ParameterCode.ACTOR_PROPERTIES, PhotonHashtable.of(1, PhotonHashtable.of("score", 7)))));
            }
            default -> {
                return List.of();
            }
        }
    }
}
