package org.photonee.core.plugin;

/** WebFlags (234) bits a client sets on RaiseEvent, SetProperties and Rpc (LOADBALANCING.md §3.2). */
public final class WebFlags {
    /** Forward the operation to the web service (webhooks PathEvent / PathGameProperties). */
    public static final int HTTP_FORWARD = 0x01;
    /** Include the user's AuthCookie in the request. */
    public static final int SEND_AUTH_COOKIE = 0x02;
    /** Hold the operation until the web service answered (else it is forwarded asynchronously). */
    public static final int SEND_SYNC = 0x04;
    /** Include the room's serialized state. */
    public static final int SEND_STATE = 0x08;

    private WebFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
