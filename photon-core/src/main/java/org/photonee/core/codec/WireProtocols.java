package org.photonee.core.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.protocol.WireProtocol;

/**
 * The wire protocols a server speaks, by WebSocket subprotocol name, in order of preference.
 *
 * <p>{@link #defaults()} holds {@code GpBinaryV18} (PUN 2, Realtime, C++ SDK), {@code GpBinaryV16}, then {@code Json}.
 * Endpoints only ever ask this registry. A client that offers nothing supported gets {@link Optional#empty()} from
 * {@link #select(List)}, and the endpoint refuses the handshake.
 *
 * <p>Immutable and thread-safe.
 */
public final class WireProtocols {
    /** Newer C#/Unity and C++ clients' subprotocol (Protocol18). */
    public static final String GP_BINARY_V18 = GpBinaryV18Protocol.SUBPROTOCOL;

    private final Map<String, WireProtocol> byName;

    private WireProtocols(Map<String, WireProtocol> byName) {
        this.byName = byName;
    }

    /** Protocol18 binary first (newer clients offer it when they can speak it), then Protocol16, then Json. */
    public static WireProtocols defaults() {
        return of(new GpBinaryV18Protocol(), new GpBinaryV16Protocol(), new JsonProtocol());
    }

    /** A registry of these protocols, most preferred first. Subprotocol names must be distinct. */
    public static WireProtocols of(WireProtocol... inPreferenceOrder) {
        Map<String, WireProtocol> map = new LinkedHashMap<>();
        for (WireProtocol p : inPreferenceOrder) {
            if (map.putIfAbsent(p.subprotocol(), p) != null) {
                throw new IllegalArgumentException("subprotocol registered twice: " + p.subprotocol());
            }
        }
        return new WireProtocols(map);
    }

    /** The protocol for a subprotocol name (exact, case-sensitive match, as WebSocket compares them). */
    public Optional<WireProtocol> byName(String subprotocol) {
        return Optional.ofNullable(byName.get(subprotocol));
    }

    /**
     * Negotiation: of the subprotocols a client offers, the one this server prefers most, or empty when none is
     * supported. The server's order wins over the client's, so the choice does not depend on how a client lists them.
     */
    public Optional<WireProtocol> select(List<String> offered) {
        for (Map.Entry<String, WireProtocol> e : byName.entrySet()) {
            for (String o : offered) {
                if (o != null && e.getKey().equals(o.trim())) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Supported subprotocol names, most preferred first (what an endpoint declares to the container). */
    public List<String> names() {
        return List.copyOf(new ArrayList<>(byName.keySet()));
    }

    /** Splits {@code Sec-WebSocket-Protocol} header values ("Json, GpBinaryV16") into offers, in order. */
    public static List<String> parseOffers(List<String> headerValues) {
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

    /** The text a refused handshake (or the fallback close) carries. */
    public String refusal() {
        return "Unsupported WebSocket subprotocol; offer one of " + String.join(", ", names());
    }
}
