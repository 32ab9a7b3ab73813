package org.photonee.core.plugin;

/** Why a plugin removes an actor ({@link PluginHost#removeActor}), Photon's {@code RemoveActorReason}. */
public final class RemoveActorReason {
    /** Removed; may join again. */
    public static final int KICK = 0;
    /** Removed and excluded from this room. */
    public static final int BANNED = 1;
    /** Removed and excluded from this room; the backend is expected to block the user everywhere. */
    public static final int GLOBAL_BANNED = 2;

    private RemoveActorReason() {
    }
}
