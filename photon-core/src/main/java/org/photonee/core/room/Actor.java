package org.photonee.core.room;

import java.util.BitSet;
import java.util.Map;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.peer.Peer;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * One participant of a room. The actor number is unique in its room for the room's whole life. An actor is active
 * while a peer is attached; an inactive actor keeps its number, properties and slot until PlayerTTL runs out or
 * its user rejoins. Touched only on the room's fiber.
 */
public final class Actor {
    private final int actorNr;
    private final String userId;
    private final PhotonHashtable properties;
    private final BitSet groups = new BitSet(256);
    private String nickname;
    private String sessionId;
    private Peer peer;
    private RoomMember member;
    private Cancellable ttlTimer = Cancellable.NONE;
    private Map<String, Object> authCookie = Map.of();

    Actor(int actorNr, String userId, String nickname, PhotonHashtable properties) {
        this.actorNr = actorNr;
        this.userId = userId == null ? "" : userId;
        this.nickname = nickname;
        this.properties = properties == null ? new PhotonHashtable() : properties;
    }

    public int actorNr() {
        return actorNr;
    }

    public String userId() {
        return userId;
    }

    public String nickname() {
        return nickname;
    }

    void setNickname(String nickname) {
        this.nickname = nickname;
    }

    /** The custom properties plus the nickname (255); never the server-owned keys. */
    public PhotonHashtable properties() {
        return properties;
    }

    public boolean isActive() {
        return peer != null;
    }

    /** The attached peer, or null while inactive. */
    public Peer peer() {
        return peer;
    }

    RoomMember member() {
        return member;
    }

    String sessionId() {
        return sessionId;
    }

    /** What custom authentication attached to the user, from its latest (re)join; never sent to clients. */
    public Map<String, Object> authCookie() {
        return authCookie;
    }

    void setAuthCookie(Map<String, Object> value) {
        authCookie = value == null ? Map.of() : value;
    }

    void attach(RoomMember newMember, String newSessionId) {
        this.member = newMember;
        this.peer = newMember.peer();
        this.sessionId = newSessionId;
        ttlTimer.cancel();
        ttlTimer = Cancellable.NONE;
    }

    void detach() {
        this.member = null;
        this.peer = null;
    }

    void setTtlTimer(Cancellable timer) {
        ttlTimer.cancel();
        ttlTimer = timer;
    }

    void cancelTtlTimer() {
        setTtlTimer(Cancellable.NONE);
    }

    public boolean isInGroup(int group) {
        return groups.get(group);
    }

    BitSet groups() {
        return groups;
    }

    /**
     * The properties others see: stored properties, the user id when the room publishes user ids, and IsInactive
     * for inactive actors.
     */
    PhotonHashtable visibleProperties(boolean publishUserId) {
        PhotonHashtable out = new PhotonHashtable(properties.size() + 2);
        out.putAll(properties);
        if (publishUserId && !userId.isEmpty()) {
            out.put(ActorPropertyKey.USER_ID, userId);
        }
        if (!isActive()) {
            out.put(ActorPropertyKey.IS_INACTIVE, true);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Actor[" + actorNr + (userId.isEmpty() ? "" : ", " + userId) + (isActive() ? "" : ", inactive") + "]";
    }
}
