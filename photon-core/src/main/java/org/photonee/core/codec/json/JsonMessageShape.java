package org.photonee.core.codec.json;

import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;

/**
 * Turns a parsed JSON document into a message: exactly one of {@code req}, {@code irq}, {@code res}, {@code irs},
 * {@code evt} with a code 0..255; {@code vals} an array of even length alternating parameter code (0..255) and value,
 * the last of duplicate codes winning; for responses {@code err} (default 0) and {@code msg}. Other members are
 * ignored, so a newer client's additions do not break it.
 */
final class JsonMessageShape {
    private static final String[] KINDS = {"req", "irq", "res", "irs", "evt"};

    private JsonMessageShape() {
    }

    static Message toMessage(Object document) throws ProtocolException {
        if (!(document instanceof PhotonHashtable root)) {
            throw new ProtocolException("message must be a JSON object");
        }
        String kind = null;
        for (String k : KINDS) {
            if (root.containsKey(k)) {
                if (kind != null) {
                    throw new ProtocolException("message has both \"" + kind + "\" and \"" + k + "\"");
                }
                kind = k;
            }
        }
        if (kind == null) {
            throw new ProtocolException("message has none of \"req\", \"irq\", \"res\", \"irs\", \"evt\"");
        }
        int code = code(root.get(kind), kind);
        Parameters parameters = parameters(root.get("vals"));
        return switch (kind) {
            case "req" -> new OperationRequest(code, parameters, false);
            case "irq" -> new OperationRequest(code, parameters, true);
            case "evt" -> new EventData(code, parameters);
            default -> new OperationResponse(code, returnCode(root.get("err")), debugMessage(root.get("msg")),
                    parameters, kind.equals("irs"));
        };
    }

    private static Parameters parameters(Object vals) throws ProtocolException {
        if (vals == null) {
            return new Parameters();
        }
        if (!(vals instanceof Object[] a)) {
            throw new ProtocolException("\"vals\" must be an array");
        }
        if (a.length % 2 != 0) {
            throw new ProtocolException("\"vals\" must alternate codes and values, but has " + a.length + " elements");
        }
        Parameters p = new Parameters(a.length / 2);
        for (int i = 0; i < a.length; i += 2) {
            p.put(code(a[i], "vals[" + i + "]"), a[i + 1]);
        }
        return p;
    }

    private static int code(Object v, String where) throws ProtocolException {
        if (v instanceof Integer i && i >= 0 && i <= 255) {
            return i;
        }
        throw new ProtocolException("\"" + where + "\" must be a code 0..255, got " + render(v));
    }

    private static short returnCode(Object v) throws ProtocolException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer i && i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) {
            return (short) (int) i;
        }
        throw new ProtocolException("\"err\" must be a return code in short range, got " + render(v));
    }

    private static String debugMessage(Object v) throws ProtocolException {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new ProtocolException("\"msg\" must be a string, got " + render(v));
    }

    private static String render(Object v) {
        return v instanceof Number || v instanceof Boolean ? String.valueOf(v)
                : v == null ? "null" : v instanceof String ? "a string" : "a " + (v instanceof Object[] ? "array" : "object");
    }
}
