package org.photonee.core.codes;

/**
 * Well-known keys of the game (room) property table. They are byte keys inside the table
 * (Java {@code Byte}, so 255 is stored as {@code (byte) -1}); custom keys are strings.
 */
public final class GamePropertyKey {
    public static final Byte MAX_PLAYERS = (byte) 255;
    public static final Byte IS_VISIBLE = (byte) 254;
    public static final Byte IS_OPEN = (byte) 253;
    public static final Byte PLAYER_COUNT = (byte) 252;
    public static final Byte REMOVED = (byte) 251;
    public static final Byte LOBBY_PROPERTIES = (byte) 250;
    public static final Byte MASTER_CLIENT_ID = (byte) 248;
    public static final Byte EXPECTED_USERS = (byte) 247;
    public static final Byte PLAYER_TTL = (byte) 246;
    public static final Byte EMPTY_ROOM_TTL = (byte) 245;

    private GamePropertyKey() {
    }
}
