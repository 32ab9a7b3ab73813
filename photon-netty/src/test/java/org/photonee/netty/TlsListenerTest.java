package org.photonee.netty;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.config.NettySettings;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * wss:// with a certificate the test makes (keytool, self-signed for 127.0.0.1): from a PKCS#12 key store and from
 * PEM files, each with a client that trusts exactly that certificate; a plain ws:// client is not served.
 */
class TlsListenerTest {
    private static final String PASSWORD = "test-pass";
    private static final GpBinaryV16Protocol BINARY = new GpBinaryV16Protocol();
    @TempDir
    static Path dir;
    private static Path keyStore;
    private static HttpClient trusting;
    private static EchoApplication ns;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "photon", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));
        KeyStore store = load();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("photon", store.getCertificate("photon"));
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        trusting = HttpClient.newBuilder().sslContext(ssl).build();
        ns = EchoApplication.started();
    }

    @AfterAll
    static void stop() {
        ns.shutdown();
    }

    private static KeyStore load() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    @Test
    void keyStoreServesWss() throws Exception {
        assertServesWss(Map.of(NettySettings.KEY_KEY_STORE, keyStore.toString(),
                NettySettings.KEY_KEY_STORE_PASSWORD, PASSWORD));
    }

    @Test
    void pemFilesServeWss() throws Exception {
        KeyStore store = load();
        Key key = store.getKey("photon", PASSWORD.toCharArray());
        Certificate cert = store.getCertificate("photon");
        Path keyFile = dir.resolve("server.key");
        Path certFile = dir.resolve("server.crt");
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        assertServesWss(Map.of(NettySettings.KEY_TLS_CERTIFICATE, certFile.toString(),
                NettySettings.KEY_TLS_KEY, keyFile.toString()));
    }

    @Test
    void missingFilesNameTheKey() {
        NettySettings settings = settings(Map.of(NettySettings.KEY_KEY_STORE, dir.resolve("nope.p12").toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NettyListener(settings,
                role -> ns, Executors.defaultThreadFactory(), () -> null).start());
        assertTrue(e.getMessage().contains(NettySettings.KEY_KEY_STORE), e.getMessage());
    }

    private static void assertServesWss(Map<String, String> tls) throws Exception {
        NettySettings settings = settings(tls);
        assertTrue(settings.tls());
        assertTrue(settings.publicUrl().toString().startsWith("wss://127.0.0.1:"), settings.publicUrl().toString());
        NettyListener listener = new NettyListener(withPort(settings, 0), role -> ns, Executors.defaultThreadFactory(),
                () -> null).start();
        try {
            URI wss = URI.create("wss://127.0.0.1:" + listener.localPort() + "/photon/ns");
            try (TestSocket client = new TestSocket(trusting, wss, "GpBinaryV16")) {
                client.send(BINARY, new OperationRequest(7, Parameters.of((byte) 1, "over tls")));
                OperationResponse echo = assertInstanceOf(OperationResponse.class, client.next(BINARY));
                assertEquals("over tls", echo.parameters().get(1));
            }
            URI plain = URI.create("ws://127.0.0.1:" + listener.localPort() + "/photon/ns");
            assertThrows(Exception.class, () -> new TestSocket(HttpClient.newHttpClient(), plain, "GpBinaryV16"));
        } finally {
            listener.stop();
        }
    }

    private static NettySettings settings(Map<String, String> tls) {
        Map<String, String> cfg = new java.util.HashMap<>(tls);
        cfg.put(NettySettings.KEY_PORT, "18099");
        return NettySettings.from(ConfigReader.of(cfg), URI.create("ws://127.0.0.1:8080/photon"));
    }

    private static NettySettings withPort(NettySettings s, int port) {
        return new NettySettings(port, s.host(), 1, s.tlsCertificate(), s.tlsKey(), s.tlsKeyPassword(), s.keyStore(),
                s.keyStorePassword(), s.publicUrl(), s.fibersOnEventLoops());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
