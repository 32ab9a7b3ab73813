package org.photonee.core.codes;

/** Operation return codes (LOADBALANCING.md §2.11). 0 is success; the values are the contract with clients. */
public final class ReturnCode {
    public static final short INVALID_REQUEST_PARAMETERS = -6;
    public static final short ARGUMENT_OUT_OF_RANGE = -4;
    public static final short OPERATION_DENIED = -3;
    public static final short OPERATION_INVALID = -2;
    public static final short INTERNAL_SERVER_ERROR = -1;
    public static final short OK = 0;
    public static final short INVALID_AUTHENTICATION = 32767;
    public static final short GAME_ID_ALREADY_EXISTS = 32766;
    public static final short GAME_FULL = 32765;
    public static final short GAME_CLOSED = 32764;
    public static final short ALREADY_MATCHED = 32763;
    public static final short SERVER_FULL = 32762;
    public static final short USER_BLOCKED = 32761;
    public static final short NO_MATCH_FOUND = 32760;
    public static final short REDIRECT_REPEAT = 32759;
    public static final short GAME_ID_NOT_EXISTS = 32758;
    public static final short MAX_CCU_REACHED = 32757;
    public static final short INVALID_REGION = 32756;
    public static final short CUSTOM_AUTHENTICATION_FAILED = 32755;
    public static final short CUSTOM_AUTHENTICATION_OVERLOAD = 32754;
    public static final short AUTHENTICATION_TOKEN_EXPIRED = 32753;
    public static final short PLUGIN_REPORTED_ERROR = 32752;
    public static final short PLUGIN_MISMATCH = 32751;
    public static final short JOIN_FAILED_PEER_ALREADY_JOINED = 32750;
    public static final short JOIN_FAILED_FOUND_INACTIVE_JOINER = 32749;
    public static final short JOIN_FAILED_WITH_REJOINER_NOT_FOUND = 32748;
    public static final short JOIN_FAILED_FOUND_EXCLUDED_USER_ID = 32747;
    public static final short JOIN_FAILED_FOUND_ACTIVE_JOINER = 32746;
    public static final short HTTP_LIMIT_REACHED = 32745;
    public static final short EXTERNAL_HTTP_CALL_FAILED = 32744;
    public static final short OPERATION_LIMIT_REACHED = 32743;
    public static final short SLOT_ERROR = 32742;
    public static final short INVALID_ENCRYPTION_PARAMETERS = 32741;
    public static final short SECURE_CONNECTION_REQUIRED = 32740;
    public static final short EVENT_CACHE_EXCEEDED = 32739;

    private ReturnCode() {
    }
}
