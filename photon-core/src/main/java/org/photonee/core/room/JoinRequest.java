package org.photonee.core.room;

import java.util.List;
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
 */
public record JoinRequest(RoomMember member, int operationCode, String userId, String sessionId,
                          PhotonHashtable actorProperties, int joinMode, boolean forceRejoin, List<String> addUsers) {
    public JoinRequest {
        userId = userId == null ? "" : userId;
        addUsers = List.copyOf(addUsers == null ? List.of() : addUsers);
    }

    /**
     * Reads a CreateGame/JoinGame request: ActorProperties (249), JoinMode (215; the legacy boolean form means
     * CreateIfNotExists), ForceRejoin (229) and AddUsers (238). CreateGame always joins as JoinOnly.
     */
    public static JoinRequest fromOperation(RoomMember member, OperationRequest request, String userId,
                                            String sessionId) throws RoomException {
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
        return new JoinRequest(member, request.code(), userId, sessionId, actorProperties, joinMode, forceRejoin,
                addUsers);
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
