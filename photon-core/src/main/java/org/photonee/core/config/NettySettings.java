package org.photonee.core.config;

import java.net.URI;

/**
 * The Netty WebSocket listener's settings ({@code photon.netty.*}). Read here, in the container-free core, because
 * the node's client addresses depend on them as much as the listener does.
 *
 * @param port           {@code photon.netty.port}: TCP port, 0 = no Netty listener (the default)
 * @param host           {@code photon.netty.host}: address to bind, default 127.0.0.1
 * @param eventLoops     {@code photon.netty.eventLoops}: event-loop threads, default one per CPU
 * @param tlsCertificate {@code photon.netty.tls.certificate}: PEM certificate chain file for wss://, or null
 * @param tlsKey         {@code photon.netty.tls.key}: PEM PKCS#8 private key file (with the certificate)
 * @param tlsKeyPassword {@code photon.netty.tls.keyPassword}: password of an encrypted PEM key, or null
 * @param keyStore       {@code photon.netty.tls.keyStore}: PKCS#12 or JKS key store file, instead of PEM files
 * @param keyStorePassword {@code photon.netty.tls.keyStorePassword}: its password
 * @param publicUrl      {@code photon.netty.publicUrl}: base URL clients are given for this listener; default
 *                       ws(s)://host:port/photon (the publicUrl's host when binding every address)
 * @param fibersOnEventLoops {@code photon.netty.fibersOnEventLoops}: a Netty peer's fiber, and a room it creates,
 *                       run on its connection's event loop (default true), so a message in and its fan-out out are
 *                       one pass of the loop; false runs them on the fiber pool, for plugins that do heavy work on
 *                       the room fiber and must not hold up the loop's other connections
 */
public record NettySettings(int port, String host, int eventLoops, String tlsCertificate, String tlsKey,
                            String tlsKeyPassword, String keyStore, String keyStorePassword, URI publicUrl,
                            boolean fibersOnEventLoops) {
    public static final String KEY_PORT = "photon.netty.port";
    public static final String KEY_HOST = "photon.netty.host";
    public static final String KEY_EVENT_LOOPS = "photon.netty.eventLoops";
    public static final String KEY_TLS_CERTIFICATE = "photon.netty.tls.certificate";
    public static final String KEY_TLS_KEY = "photon.netty.tls.key";
    public static final String KEY_TLS_KEY_PASSWORD = "photon.netty.tls.keyPassword";
    public static final String KEY_KEY_STORE = "photon.netty.tls.keyStore";
    public static final String KEY_KEY_STORE_PASSWORD = "photon.netty.tls.keyStorePassword";
    public static final String KEY_PUBLIC_URL = "photon.netty.publicUrl";
    public static final String KEY_FIBERS_ON_EVENT_LOOPS = "photon.netty.fibersOnEventLoops";
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The path prefix the listener serves, the same as the container's context root. */
    public static final String CONTEXT_PATH = "/photon";

    public boolean enabled() {
        return port > 0;
    }

    public boolean tls() {
        return tlsCertificate != null || keyStore != null;
    }

    /** Reads the keys; {@code containerUrl} (photon.publicUrl) gives the host when binding every address. */
    public static NettySettings from(ConfigReader config, URI containerUrl) {
        int port = config.intValue(KEY_PORT, 0, 0);
        if (port > 65535) {
            throw new IllegalArgumentException(KEY_PORT + " must be 0..65535, got " + port);
        }
        String host = config.string(KEY_HOST, DEFAULT_HOST);
        int loops = config.intValue(KEY_EVENT_LOOPS, Runtime.getRuntime().availableProcessors(), 1);
        String cert = config.string(KEY_TLS_CERTIFICATE);
        String key = config.string(KEY_TLS_KEY);
        String keyStore = config.string(KEY_KEY_STORE);
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException(KEY_TLS_CERTIFICATE + " and " + KEY_TLS_KEY + " go together");
        }
        if (cert != null && keyStore != null) {
            throw new IllegalArgumentException("set either " + KEY_TLS_CERTIFICATE + " or " + KEY_KEY_STORE
                    + ", not both");
        }
        boolean tls = cert != null || keyStore != null;
        URI publicUrl = null;
        if (port > 0) {
            String explicit = config.string(KEY_PUBLIC_URL);
            if (explicit != null) {
                publicUrl = NodeSettings.webSocketUrl(KEY_PUBLIC_URL, explicit);
            } else {
                String advertised = host.equals("0.0.0.0") || host.equals("::") ? containerUrl.getHost() : host;
                if (advertised.indexOf(':') >= 0 && !advertised.startsWith("[")) {
                    advertised = "[" + advertised + "]";
                }
                publicUrl = URI.create((tls ? "wss" : "ws") + "://" + advertised + ":" + port + CONTEXT_PATH);
            }
        }
        return new NettySettings(port, host, loops, cert, key, config.string(KEY_TLS_KEY_PASSWORD), keyStore,
                config.string(KEY_KEY_STORE_PASSWORD), publicUrl, config.bool(KEY_FIBERS_ON_EVENT_LOOPS, true));
    }
}
