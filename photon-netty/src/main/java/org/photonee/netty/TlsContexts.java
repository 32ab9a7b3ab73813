package org.photonee.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.photonee.core.config.NettySettings;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The server's TLS context for wss:// from the settings: a PEM certificate chain and PKCS#8 key, or a PKCS#12/JKS
 * key store. The JDK's TLS provider, so nothing native is needed.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    /** The context, or null when TLS is not configured. Fails with the key name when a file is unusable. */
    static SslContext server(NettySettings settings) {
        try {
            if (settings.tlsCertificate() != null) {
                return SslContextBuilder.forServer(existing(NettySettings.KEY_TLS_CERTIFICATE, settings.tlsCertificate()),
                                existing(NettySettings.KEY_TLS_KEY, settings.tlsKey()), settings.tlsKeyPassword())
                        .sslProvider(SslProvider.JDK).build();
            }
            if (settings.keyStore() != null) {
                return SslContextBuilder.forServer(keyManagers(settings)).sslProvider(SslProvider.JDK).build();
            }
            return null;
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("photon.netty.tls: cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(NettySettings settings) {
        File file = existing(NettySettings.KEY_KEY_STORE, settings.keyStore());
        char[] password = settings.keyStorePassword() == null ? new char[0]
                : settings.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(file.toPath())) {
            String type = file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return kmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(NettySettings.KEY_KEY_STORE + ": cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static File existing(String key, String path) {
        File f = Path.of(path).toFile();
        if (!f.isFile()) {
            throw new IllegalArgumentException(key + ": no such file " + path);
        }
        return f;
    }
}
