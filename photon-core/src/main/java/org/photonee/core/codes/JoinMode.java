package org.photonee.core.codes;

/** JoinGame modes (param 215). */
public final class JoinMode {
    public static final int JOIN_ONLY = 0;
    public static final int CREATE_IF_NOT_EXISTS = 1;
    public static final int REJOIN_OR_JOIN = 2;
    public static final int REJOIN_ONLY = 3;

    private JoinMode() {
    }
}
