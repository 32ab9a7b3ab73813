package org.photonee.core.enet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.photonee.core.codec.protocol18.Protocol18Writer;
import org.photonee.core.protocol.ProtocolException;

class TokenInitTest {
    private static byte[] withHeader(String header, byte[] body) {
        byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] m = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, m, head.length, body.length);
        return m;
    }

    private static byte[] v18(Object value) {
        return new Protocol18Writer().writeValue(value).toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GpBinaryV16", "GpBinaryV18"})
    void roundTripsInBothProtocols(String protocol) throws ProtocolException {
        TokenInit init = new TokenInit(protocol, "my-app", "4.1.0.0", "tok/en+==");
        byte[] bytes = init.toBytes("127.0.0.1:5055");
        assertTrue(TokenInit.looksLikeTokenInit(bytes));
        assertTrue(new String(bytes, StandardCharsets.US_ASCII).startsWith(
                "POST /?init=&app=my-app&clientversion=4.1.0.0&protocol=" + protocol + "&sid=30& HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:5055\r\nContent-Length: "));
        assertEquals(init, TokenInit.parse(bytes));
    }

    @Test
    void theBinaryInitIsNotMistakenForIt() {
        assertFalse(TokenInit.looksLikeTokenInit(new InitMessage(1, 8, 0, "4.1.0.0", "a").toBytes()));
    }

    private static void refused(String header, byte[] body, String messagePart) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> TokenInit.parse(withHeader(header, body)));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void malformedInitsAreRefusedWithAReason() {
        byte[] body = v18("token");
        String ok = "POST /?init=&protocol=GpBinaryV18 HTTP/1.1\r\nContent-Length: " + body.length + "\r\n\r\n";
        refused(ok.replace("\r\n\r\n", "\r\n"), body, "no blank line");
        refused(ok.replace("POST", "GET"), body, "bad request line");
        refused(ok.replace("init=&", ""), body, "no 'init'");
        refused(ok.replace("GpBinaryV18", "Json"), body, "protocol must be");
        refused(ok.replace("Content-Length: " + body.length, "Content-Length: " + (body.length + 1)), body,
                "Content-Length");
        refused(ok.replace("Content-Length: " + body.length, "Content-Length: -1"), body, "bad Content-Length");
        refused(ok.replace("Content-Length: " + body.length, "X: y"), body, "no Content-Length");
        refused(ok.replace("init=", "init=\u00e9"), body, "not printable ASCII");
        byte[] number = v18(42);
        refused(ok.replace("Content-Length: " + body.length, "Content-Length: " + number.length), number,
                "one string");
        byte[] garbage = {(byte) 0xff, 1, 2};
        refused(ok.replace("Content-Length: " + body.length, "Content-Length: 3"), garbage, "token init");
    }

    @Test
    void oversizedHeadersAndBodiesAreRefusedBeforeReading() {
        String longQuery = "a".repeat(TokenInit.MAX_HEADER_BYTES);
        refused("POST /?init=&" + longQuery + " HTTP/1.1\r\nContent-Length: 1\r\n\r\n", new byte[1],
                "no blank line");
        byte[] big = new byte[TokenInit.MAX_BODY_BYTES + 1];
        refused("POST /?init=&protocol=GpBinaryV18 HTTP/1.1\r\nContent-Length: " + big.length + "\r\n\r\n", big,
                "outside");
    }

    @Test
    void randomBytesAfterPoOnlyEverGiveProtocolException() {
        Random random = new Random(7);
        byte[] valid = new TokenInit("GpBinaryV18", "a", "1.0.0.0", "token").toBytes("h:1");
        for (int i = 0; i < 20_000; i++) {
            byte[] m = Arrays.copyOf(valid, random.nextInt(valid.length + 8));
            for (int k = random.nextInt(4); k >= 0 && m.length > 2; k--) {
                m[2 + random.nextInt(m.length - 2)] = (byte) random.nextInt();
            }
            try {
                TokenInit.parse(m);
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        }
    }
}
