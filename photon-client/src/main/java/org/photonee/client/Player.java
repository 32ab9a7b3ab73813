package org.photonee.client;

import java.util.Map;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.protocol.Values;

/**
 * A player (actor) in the current room, as this client last heard about it. Updated by the client from join,
 * leave and property events; readable from any thread.
 */
public final class Player {
    private final int actorNr;
    private final boolean local;
    private volatile Map<Object, Object> properties = Properties.EMPTY;
    private volatile boolean inactive;

    Player(int actorNr, boolean local) {
        this.actorNr = actorNr;
        this.local = local;
    }

    /** The actor number, unique in the room, never reused. */
    public int actorNr() {
        return actorNr;
    }

    /** True for the player this client plays. */
    public boolean isLocal() {
        return local;
    }

    /** The nickname (actor property 255), or null. */
    public String nickname() {
        return Values.toStringOrNull(Properties.wellKnown(properties, ActorPropertyKey.NICKNAME));
    }

    /** The user id (actor property 253; only published when the room publishes user ids), or null. */
    public String userId() {
        return Values.toStringOrNull(Properties.wellKnown(properties, ActorPropertyKey.USER_ID));
    }

    /** True while the player has left with the intent to come back (PlayerTTL) and not yet rejoined. */
    public boolean isInactive() {
        return inactive;
    }

    /** All properties, well-known byte keys included. An unmodifiable snapshot. */
    public Map<Object, Object> properties() {
        return properties;
    }

    /** A custom property by its key, or null. */
    public Object property(Object key) {
        return properties.get(key);
    }

    void setProperties(Map<?, ?> all) {
        properties = Properties.snapshot(all);
        applyWellKnown(all);
    }

    void mergeProperties(Map<?, ?> changes, boolean deleteNulls) {
        properties = Properties.merge(properties, changes, deleteNulls);
        applyWellKnown(changes);
    }

    private void applyWellKnown(Map<?, ?> changes) {
        Object inactiveFlag = Properties.wellKnown(changes, ActorPropertyKey.IS_INACTIVE);
        if (inactiveFlag instanceof Boolean b) {
            inactive = b;
        }
    }

    void setInactive(boolean value) {
        inactive = value;
    }

    @Override
    public String toString() {
        return "Player#" + actorNr + (nickname() == null ? "" : "(" + nickname() + ")") + (local ? " local" : "")
                + (inactive ? " inactive" : "");
    }
}
