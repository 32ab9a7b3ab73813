package org.photonee.core.codes;

/** Codes of internal operations (message types 6/7, Json {@code irq}/{@code irs}), answered by the framework. */
public final class InternalOperationCode {
    public static final int INIT_ENCRYPTION = 0;
    public static final int PING = 1;

    /** InitEncryption parameter: the sender's Diffie-Hellman public key, big-endian (both directions). */
    public static final int INIT_ENCRYPTION_PUBLIC_KEY = 1;

    /** Ping parameters: the client's time, echoed back, and the server's time. */
    public static final int PING_CLIENT_TIME = 1;
    public static final int PING_SERVER_TIME = 2;

    private InternalOperationCode() {
    }
}
