package org.photonee.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;

/** A connection that keeps what was sent, decoded, and how it was closed. */
public final class RecordingConnection implements Connection {
    private final String id;
    private final MessageProtocol protocol;
    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private volatile Integer closeCode;
    private final List<WireFrame> encrypted = new CopyOnWriteArrayList<>();
    private volatile boolean secure;

    public RecordingConnection(String id, MessageProtocol protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return "memory";
    }

    @Override
    public boolean isOpen() {
        return closeCode == null;
    }

    @Override
    public SendResult send(WireFrame frame, SendParameters sendParameters) {
        if (org.photonee.core.encryption.EncryptedFrames.isEncrypted(frame)) {
            // Ciphertext of a test handle: kept as is, for tests that check the key.
            encrypted.add(frame);
            return SendResult.OK;
        }
        try {
            sent.add(protocol.decode(frame, ProtocolLimits.DEFAULTS));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        return SendResult.OK;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    /** Makes the connection count as TLS (wss). */
    public void setSecure(boolean value) {
        secure = value;
    }

    /** Frames sent encrypted (payload encryption), not decoded. */
    public List<WireFrame> encrypted() {
        return encrypted;
    }

    public List<Message> sent() {
        return sent;
    }

    public Integer closeCode() {
        return closeCode;
    }
}
