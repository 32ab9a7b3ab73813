package org.photonee.core.codes;

/** A game server's operator-controlled state: only {@link #NORMAL} servers receive new games. */
public enum ServerState {
    NORMAL(0),
    OUT_OF_ROTATION(1),
    OFFLINE(2);

    private final int code;

    ServerState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ServerState fromCode(int code) {
        for (ServerState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown server state " + code);
    }
}
