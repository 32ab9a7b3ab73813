package org.photonee.core.master.sql;

/** A filter was refused: malformed, too long or deep, or containing a forbidden word. The message says why. */
public final class SqlFilterException extends Exception {
    public SqlFilterException(String message) {
        super(message);
    }
}
