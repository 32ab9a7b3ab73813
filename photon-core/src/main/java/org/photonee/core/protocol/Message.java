package org.photonee.core.protocol;

/** One Photon message: an operation request, an operation response or an event. */
public interface Message {
    /** The operation or event code, 0..255. */
    int code();

    Parameters parameters();
}
