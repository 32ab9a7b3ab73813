package org.photonee.core.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.photonee.core.codes.ReturnCode;

/**
 * Tokens as AES-256-GCM ciphertext: confidential (clients cannot read the auth cookie) and authenticated (any
 * changed bit fails the tag check). Every role configured with the same secret accepts the others' tokens.
 *
 * <p>Layout, then Base64url without padding: {@code version(1) | iv(12) | ciphertext | tag(16)}. The version byte
 * is bound to the ciphertext as associated data so a future layout cannot be confused with this one. The key is
 * SHA-256 over a domain label and the secret: the secret may be any string an operator sets, and the label keeps
 * this key distinct from other keys derived from the same secret.
 */
public final class AesGcmTokenCodec implements TokenCodec {
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Decoding refuses anything longer: a token is a few hundred bytes, a cookie-laden one a few KB. */
    public static final int MAX_ENCODED_LENGTH = 8192;
    /** Nesting of arrays and objects in cookie values. */
    private static final int MAX_COOKIE_DEPTH = 4;
    private static final int MAX_COOKIE_ENTRIES = 64;
    private static final String KEY_LABEL = "photon-ee auth token v1:";

    private final SecretKeySpec key;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret the shared token secret (configuration); must not be blank
     * @param clock  wall-clock milliseconds, for the expiry check
     */
    public AesGcmTokenCodec(String secret, LongSupplier clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("token secret must be set");
        }
        this.key = new SecretKeySpec(deriveKey(secret), "AES");
        this.clock = clock;
    }

    public AesGcmTokenCodec(String secret) {
        this(secret, System::currentTimeMillis);
    }

    /** A fresh random secret, for an installation that has none configured yet (persist it and reuse it). */
    public static String generateSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] deriveKey(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KEY_LABEL.getBytes(StandardCharsets.UTF_8));
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String encode(AuthToken token) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(serialize(token));
            byte[] out = new byte[1 + IV_BYTES + sealed.length];
            out[0] = VERSION;
            System.arraycopy(iv, 0, out, 1, IV_BYTES);
            System.arraycopy(sealed, 0, out, 1 + IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    @Override
    public AuthToken decode(String encoded) throws TokenException {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid("Invalid authentication token");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid authentication token: not Base64url");
        }
        if (raw.length < 1 + IV_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
            throw invalid("Invalid authentication token");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, IV_BYTES));
            cipher.updateAAD(raw, 0, 1);
            plain = cipher.doFinal(raw, 1 + IV_BYTES, raw.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw invalid("Invalid authentication token");
        }
        AuthToken token;
        try {
            token = deserialize(plain);
        } catch (IOException | RuntimeException e) {
            // Authentic but unreadable: written by an incompatible build sharing the key.
            throw invalid("Invalid authentication token: unreadable content");
        }
        if (token.isExpired(clock.getAsLong())) {
            throw new TokenException(ReturnCode.AUTHENTICATION_TOKEN_EXPIRED, "Authentication token expired");
        }
        return token;
    }

    private static TokenException invalid(String message) {
        return new TokenException(ReturnCode.INVALID_AUTHENTICATION, message);
    }

    // ---- content ----

    private static byte[] serialize(AuthToken t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            writeString(out, t.userId());
            writeString(out, t.appId());
            writeString(out, t.appVersion());
            writeString(out, t.sessionId());
            out.writeLong(t.issuedAtMillis());
            out.writeLong(t.expiresAtMillis());
            out.writeLong(t.finalExpiresAtMillis());
            writeString(out, t.grantedGameId());
            out.writeShort(t.authCookie().size());
            for (Map.Entry<String, Object> e : t.authCookie().entrySet()) {
                writeString(out, e.getKey());
                writeCookieValue(out, e.getValue(), 0);
            }
            byte[] secret = t.encryptionSecret();
            out.writeByte(secret == null ? 0 : secret.length);
            if (secret != null) {
                out.write(secret);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthToken deserialize(byte[] plain) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        String userId = readString(in);
        String appId = readString(in);
        String appVersion = readString(in);
        String sessionId = readString(in);
        long issued = in.readLong();
        long expires = in.readLong();
        long finalExpires = in.readLong();
        String game = readString(in);
        int cookieSize = in.readUnsignedShort();
        if (cookieSize > MAX_COOKIE_ENTRIES) {
            throw new IOException("too many cookie entries");
        }
        Map<String, Object> cookie = new LinkedHashMap<>();
        for (int i = 0; i < cookieSize; i++) {
            cookie.put(readString(in), readCookieValue(in, 0));
        }
        int secretLength = in.readUnsignedByte();
        byte[] secret = secretLength == 0 ? null : in.readNBytes(secretLength);
        if (userId == null || in.available() != 0 || (secret != null && secret.length != secretLength)) {
            throw new IOException("malformed token content");
        }
        return new AuthToken(userId, appId, appVersion, sessionId, issued, expires, finalExpires, game, cookie,
                secret);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /**
     * Cookie values keep the JSON types custom authentication and identity providers return: scalars, arrays and
     * objects (nested at most {@link #MAX_COOKIE_DEPTH} deep); anything else travels as text.
     */
    private static void writeCookieValue(DataOutputStream out, Object v, int depth) throws IOException {
        if (v == null) {
            out.writeByte('n');
        } else if (v instanceof Boolean b) {
            out.writeByte('b');
            out.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte('i');
            out.writeInt(((Number) v).intValue());
        } else if (v instanceof Long l) {
            out.writeByte('l');
            out.writeLong(l);
        } else if (v instanceof Number n) {
            out.writeByte('d');
            out.writeDouble(n.doubleValue());
        } else if (depth < MAX_COOKIE_DEPTH && (v instanceof Object[] || v instanceof java.util.Collection<?>)) {
            Object[] items = v instanceof Object[] a ? a : ((java.util.Collection<?>) v).toArray();
            out.writeByte('a');
            out.writeShort(Math.min(items.length, MAX_COOKIE_ENTRIES));
            for (int i = 0; i < Math.min(items.length, MAX_COOKIE_ENTRIES); i++) {
                writeCookieValue(out, items[i], depth + 1);
            }
        } else if (depth < MAX_COOKIE_DEPTH && v instanceof Map<?, ?> m) {
            out.writeByte('m');
            int n = Math.min(m.size(), MAX_COOKIE_ENTRIES);
            out.writeShort(n);
            int written = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (written++ == n) {
                    break;
                }
                out.writeUTF(String.valueOf(e.getKey()));
                writeCookieValue(out, e.getValue(), depth + 1);
            }
        } else {
            out.writeByte('s');
            out.writeUTF(v.toString());
        }
    }

    private static Object readCookieValue(DataInputStream in, int depth) throws IOException {
        int type = in.readUnsignedByte();
        return switch (type) {
            case 'n' -> null;
            case 'b' -> in.readBoolean();
            case 'i' -> in.readInt();
            case 'l' -> in.readLong();
            case 'd' -> in.readDouble();
            case 's' -> in.readUTF();
            case 'a' -> {
                int n = boundedCount(in, depth);
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = readCookieValue(in, depth + 1);
                }
                yield items;
            }
            case 'm' -> {
                int n = boundedCount(in, depth);
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(in.readUTF(), readCookieValue(in, depth + 1));
                }
                yield m;
            }
            default -> throw new IOException("unknown cookie value type " + type);
        };
    }

    private static int boundedCount(DataInputStream in, int depth) throws IOException {
        int n = in.readUnsignedShort();
        if (n > MAX_COOKIE_ENTRIES || depth >= MAX_COOKIE_DEPTH) {
            throw new IOException("cookie value too large or too deep");
        }
        return n;
    }
}
