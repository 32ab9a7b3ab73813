package org.photonee.core.webhooks;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.protocol16.Protocol16Reader;
import org.photonee.core.codec.protocol16.Protocol16Writer;
import org.photonee.core.http.WebJson;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.Values;
import org.photonee.core.room.CachedEvent;
import org.photonee.core.room.RoomOptions;
import org.photonee.core.room.RoomState;

/**
 * A room's state as the {@code State} of webhooks (Photon's SerializableGameState): readable fields a backend
 * may look at (ActorCounter, ActorList, CustomProperties, EmptyRoomTTL, PlayerTTL, IsOpen, IsVisible, LobbyId,
 * LobbyType, LobbyProperties, MaxPlayers, Slice, ExcludedActors, ExpectedUsers, RoomFlags), and {@code Binary}
 * fields with the exact client values (properties, cached events) as Base64 Protocol16, because JSON cannot tell
 * a byte from an int and the room must come back exactly as it was.
 *
 * <p>Reading is strict: the backend returns what it stored, and anything else is refused with a message rather
 * than half-restored.
 */
public final class GameStateJson {
    private static final ProtocolLimits STORED_LIMITS = new ProtocolLimits(64 * 1024 * 1024,
            Protocol16Reader.MAX_SUPPORTED_DEPTH, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private GameStateJson() {
    }

    /** The state as a JSON-ready map. */
    public static Map<String, Object> toJson(RoomState state) {
        RoomOptions o = state.options();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ActorCounter", state.actorCounter());
        List<Object> actors = new ArrayList<>();
        for (RoomState.ActorState a : state.actors()) {
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("ActorNr", a.actorNr());
            actor.put("UserId", a.userId());
            actor.put("Nickname", a.nickname());
            actor.put("IsActive", false);
            actor.put("Binary", binary(PhotonHashtable.of("Properties", a.properties(), "Groups", a.groups())));
            actors.add(actor);
        }
        json.put("ActorList", actors.toArray());
        List<Object> events = new ArrayList<>();
        for (CachedEvent e : state.cachedEvents()) {
            events.add(PhotonHashtable.of("Owner", e.ownerActorNr(), "Sender", e.senderActorNr(), "Code", e.code(),
                    "Slice", e.slice(), "Data", e.data()));
        }
        PhotonHashtable actorCaches = new PhotonHashtable();
        state.actorCaches().forEach((nr, cache) -> actorCaches.put(nr, new PhotonHashtable(cache)));
        json.put("Binary", binary(PhotonHashtable.of("CustomProperties", o.customProperties(),
                "Events", events.toArray(), "ActorCaches", actorCaches,
                "LobbyProperties", o.lobbyPropertyKeys().toArray())));
        json.put("CustomProperties", WebJson.toWeb(o.customProperties()));
        json.put("EmptyRoomTTL", o.emptyRoomTtlMillis());
        json.put("PlayerTTL", o.playerTtlMillis());
        json.put("IsOpen", o.open());
        json.put("IsVisible", o.visible());
        json.put("LobbyId", o.lobbyName());
        json.put("LobbyType", o.lobbyType());
        json.put("LobbyProperties", WebJson.toWeb(o.lobbyPropertyKeys().toArray()));
        json.put("MaxPlayers", o.maxPlayers());
        json.put("Slice", state.cacheSlice());
        List<Object> excluded = new ArrayList<>();
        for (String user : state.excludedUsers()) {
            excluded.add(Map.of("UserId", user, "Reason", 1));
        }
        json.put("ExcludedActors", excluded.toArray());
        json.put("ExpectedUsers", o.expectedUsers().toArray());
        json.put("RoomFlags", o.flags());
        json.put("MasterClientId", state.masterClientId());
        json.put("CacheLimitReached", state.cacheLimitReached());
        json.put("DebugInfo", Map.of("Format", "photon-ee/1"));
        return json;
    }

    /**
     * Rebuilds a state from what the backend returned.
     *
     * @throws IllegalArgumentException saying what is missing or malformed
     */
    public static RoomState fromJson(Object value, String gameId, String appId, String appVersion) {
        Map<?, ?> json = map(value, "State");
        PhotonHashtable room = unbinary(json.get("Binary"), "Binary");
        List<RoomState.ActorState> actors = new ArrayList<>();
        for (Object a : array(json.get("ActorList"), "ActorList")) {
            Map<?, ?> actor = map(a, "ActorList[]");
            PhotonHashtable binary = unbinary(actor.get("Binary"), "ActorList[].Binary");
            actors.add(new RoomState.ActorState(integer(actor.get("ActorNr"), "ActorNr"),
                    string(actor.get("UserId"), "UserId"), optionalString(actor.get("Nickname")),
                    table(binary.get("Properties"), "ActorList[].Binary.Properties"),
                    binary.get("Groups") instanceof int[] g ? g : new int[0]));
        }
        List<CachedEvent> events = new ArrayList<>();
        for (Object e : array(room.get("Events"), "Binary.Events")) {
            Map<?, ?> event = map(e, "Binary.Events[]");
            events.add(new CachedEvent(integer(event.get("Owner"), "Owner"), integer(event.get("Sender"), "Sender"),
                    integer(event.get("Code"), "Code"), event.get("Data"), integer(event.get("Slice"), "Slice")));
        }
        Map<Integer, Map<Integer, Object>> actorCaches = new LinkedHashMap<>();
        map(room.get("ActorCaches"), "Binary.ActorCaches").forEach((nr, cache) -> {
            Map<Integer, Object> codes = new LinkedHashMap<>();
            map(cache, "Binary.ActorCaches[]").forEach((code, data) -> codes.put(integer(code, "code"), data));
            actorCaches.put(integer(nr, "actor"), codes);
        });
        List<String> expected = new ArrayList<>();
        for (Object u : array(json.get("ExpectedUsers"), "ExpectedUsers")) {
            expected.add(string(u, "ExpectedUsers[]"));
        }
        List<String> excluded = new ArrayList<>();
        for (Object x : array(json.get("ExcludedActors"), "ExcludedActors")) {
            excluded.add(string(map(x, "ExcludedActors[]").get("UserId"), "ExcludedActors[].UserId"));
        }
        RoomOptions options = new RoomOptions(integer(json.get("RoomFlags"), "RoomFlags"),
                integer(json.get("MaxPlayers"), "MaxPlayers"), bool(json.get("IsOpen"), "IsOpen"),
                bool(json.get("IsVisible"), "IsVisible"), integer(json.get("PlayerTTL"), "PlayerTTL"),
                integer(json.get("EmptyRoomTTL"), "EmptyRoomTTL"),
                List.of(array(room.get("LobbyProperties"), "Binary.LobbyProperties")), expected,
                table(room.get("CustomProperties"), "Binary.CustomProperties"),
                optionalString(json.get("LobbyId")), integer(json.get("LobbyType"), "LobbyType"));
        return new RoomState(gameId, appId, appVersion, options, integer(json.get("ActorCounter"), "ActorCounter"),
                integer(json.get("MasterClientId"), "MasterClientId"), actors, excluded,
                Boolean.TRUE.equals(json.get("CacheLimitReached")), integer(json.get("Slice"), "Slice"), events,
                actorCaches);
    }

    private static String binary(Object value) {
        return Base64.getEncoder().encodeToString(new Protocol16Writer().writeValue(value).toByteArray());
    }

    private static PhotonHashtable unbinary(Object value, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(string(value, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not Base64");
        }
        try {
            Protocol16Reader reader = new Protocol16Reader(bytes, 0, bytes.length, STORED_LIMITS, CustomTypes.NONE);
            Object decoded = reader.readValue();
            reader.expectEnd();
            return table(decoded, name);
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(name + " does not decode: " + e.getMessage());
        }
    }

    private static Map<?, ?> map(Object v, String name) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(name + " must be an object, got " + Values.typeName(v));
    }

    private static PhotonHashtable table(Object v, String name) {
        return new PhotonHashtable(map(v, name));
    }

    private static Object[] array(Object v, String name) {
        if (v instanceof Object[] a) {
            return a;
        }
        throw new IllegalArgumentException(name + " must be an array, got " + Values.typeName(v));
    }

    private static int integer(Object v, String name) {
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + s + "'");
            }
        }
        if (!Values.isIntegral(v) || Values.toLong(v) != (int) Values.toLong(v)) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + Values.typeName(v));
        }
        return (int) Values.toLong(v);
    }

    private static boolean bool(Object v, String name) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(name + " must be true or false, got " + Values.typeName(v));
    }

    private static String string(Object v, String name) {
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(name + " must be a string, got " + Values.typeName(v));
    }

    private static String optionalString(Object v) {
        return v instanceof String s ? s : null;
    }
}
