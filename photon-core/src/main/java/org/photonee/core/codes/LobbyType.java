package org.photonee.core.codes;

/** Lobby types (param 212). */
public final class LobbyType {
    public static final int DEFAULT = 0;
    public static final int CHANNEL = 1;
    public static final int SQL = 2;
    public static final int ASYNC_RANDOM = 3;

    private LobbyType() {
    }
}
