package org.photonee.core.codec.json;

import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * The {@code Json} subprotocol of the Photon JavaScript SDK (PROTOCOL.md section 1): text frames
 * {@code ~m~N~m~~j~<json>} ({@link JsonFraming}), one message per WebSocket message.
 *
 * <p><b>Handshake.</b> Right after the socket opens, before anything else, the server must send
 * {@link #sessionGreeting(String)}: one framed plain string carrying a session id, e.g. {@code ~m~10~m~sess123456}.
 * The client sends nothing until it has it. The connection id serves well as the session id.
 *
 * <p><b>Messages.</b> {@code {"req":op,"vals":[k1,v1,...]}} operation request; {@code {"irq":1,"vals":[1,time]}}
 * internal request (ping, {@code internal == true}); {@code {"res":op,"err":code,"msg":"text","vals":[...]}}
 * response, "err" always written because some client handlers treat a missing one as failure, "msg" only when set;
 * {@code {"irs":1,"vals":[...]}} internal response; {@code {"evt":code,"vals":[...]}} event.
 *
 * <p><b>Value mapping.</b> JSON has no byte/short/int distinction, so the mapping cannot be exact both ways; it is
 * chosen so that what a JavaScript client sets reaches binary clients as sensible Photon types and comes back to
 * JavaScript unchanged.
 * <table>
 *   <caption>JSON → Java (decoding)</caption>
 *   <tr><td>null, true/false, string</td><td>null, Boolean, String</td></tr>
 *   <tr><td>number without fraction or exponent</td><td>Integer, or Long outside int range, or Double beyond long
 *       range</td></tr>
 *   <tr><td>any other number</td><td>Double</td></tr>
 *   <tr><td>array</td><td>Object[]</td></tr>
 *   <tr><td>object</td><td>PhotonHashtable; member names "0".."255" (canonical decimal) become Byte keys, as the
 *       client sends well-known property keys ({@code {"255":4}} → key {@code (byte) 255}); other names stay
 *       String keys</td></tr>
 * </table>
 * <table>
 *   <caption>Java → JSON (encoding)</caption>
 *   <tr><td>Byte</td><td>unsigned number 0..255</td></tr>
 *   <tr><td>Short, Integer, Long</td><td>number (a Long beyond 2^53 loses precision in JavaScript)</td></tr>
 *   <tr><td>Float, Double</td><td>number in shortest form; NaN and infinities become null, as in JavaScript</td></tr>
 *   <tr><td>String, Boolean, null</td><td>string (lone surrogates escaped as \\uXXXX), true/false, null</td></tr>
 *   <tr><td>byte[]</td><td>array of unsigned numbers (the spec gives JSON no binary form)</td></tr>
 *   <tr><td>any other array (int[], String[], Object[], typed arrays)</td><td>array</td></tr>
 *   <tr><td>PhotonHashtable, PhotonDictionary, any Map</td><td>object; String keys as they are, Byte keys as
 *       unsigned decimal ("255"), other whole-number and boolean keys as their text; other key types rejected</td></tr>
 *   <tr><td>CustomTypeValue</td><td>its data as an array of unsigned numbers (JavaScript has no custom types;
 *       the type code is dropped)</td></tr>
 *   <tr><td>nested EventData / OperationRequest / OperationResponse</td><td>an object in its message shape</td></tr>
 * </table>
 *
 * <p><b>Limits.</b> The frame length is bounded by {@link ProtocolLimits#maxMessageSize()} (UTF-16 code units);
 * nesting of arrays and objects inside parameter values by {@link ProtocolLimits#maxDepth()} (the message object and
 * its {@code vals} array do not count); each string by {@link ProtocolLimits#maxStringLength()} chars; each array or
 * object by {@link ProtocolLimits#maxCollectionLength()} elements.
 *
 * <p>Stateless and thread-safe; encoding reuses a per-thread buffer.
 */
public final class JsonProtocol implements WireProtocol {
    public static final String SUBPROTOCOL = "Json";

    /** The message object and its {@code vals} array sit above the parameter values that the depth limit is for. */
    private static final int MESSAGE_LEVELS = 2;

    private final ThreadLocal<JsonWriter> writers = ThreadLocal.withInitial(JsonWriter::new);

    /**
     * The first frame the server sends on a new {@code Json} connection: the session id as a framed plain string
     * (no {@code ~j~}), e.g. {@code ~m~10~m~sess123456}.
     */
    public static WireFrame sessionGreeting(String sessionId) {
        return WireFrame.text(JsonFraming.frame(sessionId));
    }

    /**
     * The session id when {@code frame} is a server's session greeting (a framed plain string, no {@code ~j~}),
     * else null. A client reads it before anything else and must not try to decode it as a message.
     */
    public static String sessionIdOf(WireFrame frame) {
        return frame.isText() ? JsonFraming.plainPayload(frame.text()) : null;
    }

    @Override
    public String subprotocol() {
        return SUBPROTOCOL;
    }

    @Override
    public boolean isText() {
        return true;
    }

    @Override
    public WireFrame encode(Message message) {
        JsonWriter writer = writers.get();
        try {
            writer.append(JsonFraming.JSON_MARKER).writeMessage(message);
            return WireFrame.text(JsonFraming.frame(writer.text()));
        } finally {
            writer.reset();
        }
    }

    @Override
    public Message decode(WireFrame frame, ProtocolLimits limits) throws ProtocolException {
        if (!frame.isText()) {
            throw new ProtocolException("binary frame on a " + SUBPROTOCOL + " connection");
        }
        String text = frame.text();
        if (text.length() > limits.maxMessageSize()) {
            throw new ProtocolException("message of " + text.length() + " chars exceeds the limit of "
                    + limits.maxMessageSize());
        }
        int start = JsonFraming.jsonStart(text);
        Object document = new JsonReader(text, start, MESSAGE_LEVELS, limits).readDocument();
        return JsonMessageShape.toMessage(document);
    }

    @Override
    public String toString() {
        return SUBPROTOCOL;
    }
}
