package org.photonee.core.enet;

/** A datagram or command that breaks the layout or a bound; the datagram is dropped and counted. */
public final class EnetException extends Exception {
    private final Drop drop;

    public EnetException(Drop drop, String message) {
        super(message, null, false, false);
        this.drop = drop;
    }

    public Drop drop() {
        return drop;
    }
}
