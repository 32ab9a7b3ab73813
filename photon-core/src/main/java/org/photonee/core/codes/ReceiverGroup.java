package org.photonee.core.codes;

/** RaiseEvent receiver groups as clients send them (param 246). */
public final class ReceiverGroup {
    public static final int OTHERS = 0;
    public static final int ALL = 1;
    public static final int MASTER_CLIENT = 2;

    private ReceiverGroup() {
    }
}
