package org.photonee.core.room;

import java.util.List;
import org.photonee.core.codes.JoinMode;
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

    boolean isRejoin() {
        return joinMode == JoinMode.REJOIN_ONLY || joinMode == JoinMode.REJOIN_OR_JOIN;
    }
}
