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

    /** Parses "Normal", "OutOfRotation", "Offline" (any case, with or without separators) or the numeric code. */
    public static ServerState parse(String value) {
        String v = value == null ? "" : value.trim().replaceAll("[-_ ]", "").toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "normal", "0":
                return NORMAL;
            case "outofrotation", "1":
                return OUT_OF_ROTATION;
            case "offline", "2":
                return OFFLINE;
            default:
                throw new IllegalArgumentException("unknown server state '" + value
                        + "' (expected Normal, OutOfRotation or Offline)");
        }
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
