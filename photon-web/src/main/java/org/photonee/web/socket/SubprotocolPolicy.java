package org.photonee.web.socket;

import org.photonee.core.codec.WireProtocols;

import java.util.ArrayList;
import java.util.List;

/** Which WebSocket subprotocols the endpoints speak, and how to parse a client's offer. */
final class SubprotocolPolicy {
    static final WireProtocols PROTOCOLS = WireProtocols.defaults();

    private SubprotocolPolicy() {
    }

    /** Splits {@code Sec-WebSocket-Protocol} header values ("Json, GpBinaryV16") into offers, in order. */
    static List<String> parseOffers(List<String> headerValues) {
        List<String> offers = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                for (String part : value.split(",")) {
                    String offer = part.trim();
                    if (!offer.isEmpty()) {
                        offers.add(offer);
                    }
                }
            }
        }
        return offers;
    }

    static String refusal() {
        return "Unsupported WebSocket subprotocol; offer one of " + String.join(", ", PROTOCOLS.names());
    }
}
