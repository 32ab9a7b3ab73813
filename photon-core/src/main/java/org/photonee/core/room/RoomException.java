package org.photonee.core.room;

/**
 * A room operation was refused: carries the return code and debug message the client gets. Checked, so every
 * refusal is answered as a response and none escapes to the framework as an internal error.
 */
public final class RoomException extends Exception {
    private final short returnCode;

    public RoomException(short returnCode, String message) {
        super(message, null, false, false);
        this.returnCode = returnCode;
    }

    public short returnCode() {
        return returnCode;
    }
}
