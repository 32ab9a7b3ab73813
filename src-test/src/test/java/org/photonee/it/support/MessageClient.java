package org.photonee.it.support;

import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A minimal test client over one protocol: sends requests (or raw frames), and waits for a response to an
 * operation or for an event while keeping whatever else arrived in between.
 */
public final class MessageClient implements AutoCloseable {
    private final RawSocket socket;
    private final WireProtocol protocol;
    private final List<Message> pending = new ArrayList<>();
    private String greeting;

    private MessageClient(RawSocket socket, WireProtocol protocol) {
        this.socket = socket;
        this.protocol = protocol;
    }

    /** Opens a Json connection and reads the session frame the server sends first. */
    public static MessageClient json(URI uri) throws Exception {
        MessageClient c = new MessageClient(RawSocket.open(uri, JsonProtocol.SUBPROTOCOL), new JsonProtocol());
        c.greeting = c.socket.nextFrame().text();
        return c;
    }

    public static MessageClient binary(URI uri) throws Exception {
        return new MessageClient(RawSocket.open(uri, GpBinaryV16Protocol.SUBPROTOCOL), new GpBinaryV16Protocol());
    }

    public String greeting() {
        return greeting;
    }

    public RawSocket socket() {
        return socket;
    }

    /** Sends text exactly as given (a frame as the JavaScript SDK writes it). */
    public void sendRaw(String text) throws Exception {
        socket.sendText(text);
    }

    public void send(int code, Object... codeValuePairs) throws Exception {
        socket.send(protocol, new OperationRequest(code, Parameters.of(codeValuePairs), false));
    }

    public OperationResponse call(int code, Object... codeValuePairs) throws Exception {
        send(code, codeValuePairs);
        return response(code);
    }

    /** The next response to {@code code}; events that arrive first are kept for {@link #event}. */
    public OperationResponse response(int code) throws Exception {
        Message m = await(x -> x instanceof OperationResponse r && r.code() == code && !r.internal());
        return (OperationResponse) m;
    }

    public EventData event(int code) throws Exception {
        return (EventData) await(x -> x instanceof EventData e && e.code() == code);
    }

    /** The next event that matches; others that arrive first are kept. */
    public EventData event(java.util.function.Predicate<EventData> wanted) throws Exception {
        return (EventData) await(x -> x instanceof EventData e && wanted.test(e));
    }

    /**
     * The custom events (codes 0..240) that arrived before the next event with {@code fenceCode}, in order; the fence
     * is consumed too. Rooms send to a peer in order, so an event not listed was not sent before the fence.
     */
    public java.util.List<EventData> customEventsBefore(int fenceCode) throws Exception {
        java.util.List<EventData> before = new ArrayList<>();
        while (true) {
            EventData e = event(x -> x.code() == fenceCode || isRoomCustomEvent(x));
            if (e.code() == fenceCode) {
                return before;
            }
            before.add(e);
        }
    }

    /** The next raw frame text (Json only), bypassing the buffer. */
    public String nextRawText() throws Exception {
        return socket.nextFrame().text();
    }

    private Message await(java.util.function.Predicate<Message> wanted) throws Exception {
        for (Iterator<Message> it = pending.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (wanted.test(m)) {
                it.remove();
                return m;
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            WireFrame frame = socket.nextFrame();
            Message m = protocol.decode(frame, ProtocolLimits.DEFAULTS);
            if (wanted.test(m)) {
                return m;
            }
            pending.add(m);
        }
        throw new AssertionError("not received in time; got meanwhile: " + pending);
    }

    @Override
    public void close() {
        socket.close();
    }

    /**
     * A custom event raised in a room: code 0..240 with a sender (254). Master events such as AppStats (226) or
     * GameList (230) share that code range but carry no sender.
     */
    static boolean isRoomCustomEvent(EventData e) {
        return e.code() <= 240 && e.parameters().get(254) != null;
    }
}
