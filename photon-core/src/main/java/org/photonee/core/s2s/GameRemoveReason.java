package org.photonee.core.s2s;

/** Why a game server reports a room gone (param 197 of RemoveGameState). */
public enum GameRemoveReason {
    CLOSE(0),
    FAILED_TO_CREATE(1),
    GAME_NOT_FOUND(2);

    private final int code;

    GameRemoveReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
