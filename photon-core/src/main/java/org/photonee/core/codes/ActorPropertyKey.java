package org.photonee.core.codes;

/** Well-known keys of an actor's property table (byte keys; custom keys are strings). */
public final class ActorPropertyKey {
    public static final Byte NICKNAME = (byte) 255;
    public static final Byte IS_INACTIVE = (byte) 254;
    public static final Byte USER_ID = (byte) 253;

    private ActorPropertyKey() {
    }
}
