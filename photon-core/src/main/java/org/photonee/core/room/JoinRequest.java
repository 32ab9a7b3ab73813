package org.photonee.core.room;

import java.util.List;
import java.util.Map;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * A peer asking to enter a room, as parsed from its CreateGame/JoinGame request and authentication.
 *
 * @param member          the peer's side of the membership
 * @param operationCode   CreateGame or JoinGame: the code the response answers
 * @param userId          the authenticated user id ("" when anonymous)
 * @param sessionId       the token's session id: a rejoin from the same session may take over an active actor
 * @param actorProperties ActorProperties (249) of the request, may be null
 * @param joinMode        {@link JoinMode} code
 * @param forceRejoin     ForceRejoin (229): take over an actor of the same user that still looks active
 * @param addUsers        AddUsers (238): user ids to reserve slots for
 * @param plugin          the first name of Plugins (204), null when the client named none
 * @param authCookie      what custom authentication attached to the user (plugins and webhooks see it)
 * @param parameters      the request's parameters as sent, for plugins
 */
public record JoinRequest(RoomMember member, int operationCode, String userId, String sessionId,
                          PhotonHashtable actorProperties, int joinMode, boolean forceRejoin, List<String> addUsers,
                          String plugin, Map<String, Object> authCookie, Parameters parameters) {
    public JoinRequest {
        userId = userId == null ? "" : userId;
        addUsers = List.copyOf(addUsers == null ? List.of() : addUsers);
        plugin = plugin == null || plugin.isEmpty() ? null : plugin;
        authCookie = authCookie == null ? Map.of() : Map.copyOf(authCookie);
        parameters = parameters == null ? new Parameters() : parameters;
    }

    /** A request that names no plugin and carries no AuthCookie. */
    public JoinRequest(RoomMember member, int operationCode, String userId, String sessionId,
                       PhotonHashtable actorProperties, int joinMode, boolean forceRejoin, List<String> addUsers) {
        this(member, operationCode, userId, sessionId, actorProperties, joinMode, forceRejoin, addUsers, null,
                Map.of(), null);
    }

    /**
     * Reads a CreateGame/JoinGame request: ActorProperties (249), JoinMode (215; the legacy boolean form means
     * CreateIfNotExists), ForceRejoin (229), AddUsers (238) and Plugins (204). CreateGame always joins as JoinOnly.
     */
    public static JoinRequest fromOperation(RoomMember member, OperationRequest request, String userId,
                                            String sessionId, Map<String, Object> authCookie) throws RoomException {
        Parameters p = request.parameters();
        PhotonHashtable actorProperties = RequestValues.optionalTable(p.get(ParameterCode.ACTOR_PROPERTIES),
                "ActorProperties");
        int joinMode = JoinMode.JOIN_ONLY;
        if (request.code() == OperationCode.JOIN_GAME) {
            Object mode = p.get(ParameterCode.JOIN_MODE);
            joinMode = mode instanceof Boolean create
                    ? (create ? JoinMode.CREATE_IF_NOT_EXISTS : JoinMode.JOIN_ONLY)
                    : RequestValues.optionalInt(mode, JoinMode.JOIN_ONLY, "JoinMode");
            if (joinMode < JoinMode.JOIN_ONLY || joinMode > JoinMode.REJOIN_ONLY) {
                throw RequestValues.invalid("Invalid JoinMode " + joinMode);
            }
        }
        boolean forceRejoin = RequestValues.optionalBoolean(p.get(ParameterCode.FORCE_REJOIN), false, "ForceRejoin");
        List<String> addUsers = RequestValues.optionalStringList(p.get(ParameterCode.ADD_USERS), "AddUsers");
        List<String> plugins = RequestValues.optionalStringList(p.get(ParameterCode.PLUGINS), "Plugins");
        boolean named = plugins != null && !plugins.isEmpty();
        return new JoinRequest(member, request.code(), userId, sessionId, actorProperties, joinMode, forceRejoin,
                addUsers, !named ? null : plugins.get(0), authCookie, p);
    }

    /** The GameId (255) of a CreateGame/JoinGame request: required on a game server, a non-empty string. */
    public static String gameIdOf(Parameters p) throws RoomException {
        String gameId = RequestValues.optionalString(p.get(ParameterCode.GAME_ID), "GameId");
        if (gameId == null || gameId.isEmpty()) {
            throw RequestValues.invalid("Missing parameter GameId (255)");
        }
        return gameId;
    }

    boolean isRejoin() {
        return joinMode == JoinMode.REJOIN_ONLY || joinMode == JoinMode.REJOIN_OR_JOIN;
    }
}
