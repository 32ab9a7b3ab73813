package org.photonee.core.game;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.WireFrame;

/** A connection that keeps the frames the server sent. */
final class TestConnection implements Connection {
    private final String id;
    final List<WireFrame> sent = new CopyOnWriteArrayList<>();
    volatile Integer closeCode;

    TestConnection(String id) {
        this.id = id;
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
        sent.add(frame);
        return SendResult.OK;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }
}
