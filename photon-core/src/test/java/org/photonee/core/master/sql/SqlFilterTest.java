package org.photonee.core.master.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.master.MasterSettings;

class SqlFilterTest {
    private static final Map<Object, Object> GAME = Map.of("C0", 5, "C1", "de_dust", "C2", (byte) 200, "C3", 2.5,
            "C4", true, "other", 1);

    private static boolean matches(String filter) {
        try {
            return SqlFilter.compile(filter, 2048, MasterSettings.DEFAULT_WRONG_WORDS).matches(GAME);
        } catch (SqlFilterException e) {
            throw new AssertionError(e);
        }
    }

    private static String refusal(String filter) {
        return assertThrows(SqlFilterException.class,
                () -> SqlFilter.compile(filter, 2048, MasterSettings.DEFAULT_WRONG_WORDS)).getMessage();
    }

    @Test
    void comparisons() {
        assertTrue(matches("C0 = 5"));
        assertTrue(matches("c0 == 5"));
        assertTrue(matches("C0 <> 4"));
        assertTrue(matches("C0 != 4"));
        assertTrue(matches("C0 > 4 AND C0 >= 5 AND C0 < 6 AND C0 <= 5"));
        assertTrue(matches("C2 = 200"), "bytes are unsigned");
        assertTrue(matches("C3 > 2.25 AND C3 < 2.75"));
        assertTrue(matches("C4 = 1 AND C4 = TRUE"), "booleans are 1/0");
        assertTrue(matches("C1 = 'de_dust'"));
        assertTrue(matches("5 = C0"), "literal on the left");
        assertTrue(matches("C0 > -3"));
        assertFalse(matches("C0 = '5'"), "text is never equal to a number");
        assertTrue(matches("C1 > 99999"), "numbers sort before text");
    }

    @Test
    void logicWithPrecedenceAndParentheses() {
        assertTrue(matches("C0 = 1 OR C0 = 5 AND C1 = 'de_dust'"));
        assertFalse(matches("(C0 = 1 OR C0 = 5) AND C1 = 'x'"));
        assertTrue(matches("NOT C0 = 1"));
        assertTrue(matches("NOT (C0 = 1 OR C1 = 'x')"));
        assertTrue(matches("NOT NOT C0 = 5"));
    }

    @Test
    void nullAndMissingColumnsAreUnknown() {
        assertFalse(matches("C9 = 1"));
        assertFalse(matches("NOT C9 = 1"), "NOT UNKNOWN is still UNKNOWN");
        assertTrue(matches("C9 IS NULL AND C0 IS NOT NULL"));
        assertTrue(matches("C9 = 1 OR C0 = 5"), "UNKNOWN OR TRUE is TRUE");
        assertFalse(matches("C9 = 1 OR C0 = 4"));
    }

    @Test
    void inLikeBetween() {
        assertTrue(matches("C0 IN (1, 3, 5)"));
        assertFalse(matches("C0 NOT IN (1, 3, 5)"));
        assertTrue(matches("C1 IN ('a', 'de_dust')"));
        assertTrue(matches("C1 LIKE 'de%'"));
        assertTrue(matches("C1 LIKE 'DE_DUST'"), "case-insensitive, _ matches one char");
        assertFalse(matches("C1 LIKE 'de'"));
        assertTrue(matches("C1 NOT LIKE 'x%'"));
        assertTrue(matches("C0 BETWEEN 1 AND 5"));
        assertFalse(matches("C0 NOT BETWEEN 1 AND 5"));
        assertTrue(matches("C0 BETWEEN 5 AND 5 AND C3 BETWEEN 2 AND 3"));
    }

    @Test
    void stringsMayContainQuotesAndKeywords() {
        Map<Object, Object> game = Map.of("C1", "it's; DROP TABLE");
        try {
            assertTrue(SqlFilter.compile("C1 = 'it''s; DROP TABLE'", 100, java.util.List.of("SELECT"))
                    .matches(game));
        } catch (SqlFilterException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void malformedFiltersAreRefusedWithAReason() {
        assertTrue(refusal("").contains("empty"));
        assertTrue(refusal("C0 =").contains("Expected"));
        assertTrue(refusal("C0 = 1 AND").contains("Expected"));
        assertTrue(refusal("(C0 = 1").contains("')'"));
        assertTrue(refusal("C0 = 1)").contains("end of filter"));
        assertTrue(refusal("C1 = 'open").contains("Unterminated"));
        assertTrue(refusal("C10 = 1").contains("Unknown column"));
        assertTrue(refusal("Id = 1").contains("Unknown column"));
        assertTrue(refusal("C0 = 1 # 2").contains("Unexpected character"));
        assertTrue(refusal("C0 IN ()").contains("Expected"));
        assertTrue(refusal("C0 BETWEEN 1 OR 2").contains("AND of BETWEEN"));
        assertTrue(refusal("C0 NOT = 1").contains("after NOT"));
        assertTrue(refusal("C0 = 12abc").contains("Malformed number"));
    }

    @Test
    void hostileFiltersAreRefused() {
        assertTrue(refusal("C0 = 1;").contains("';'"));
        assertTrue(refusal("C0 = 1; DROP TABLE Game").contains("Forbidden word 'DROP'"));
        assertTrue(refusal("C0 = 1 UNION SELECT * FROM Game").contains("Forbidden word"));
        assertTrue(refusal("C0 IN (SELECT C0 FROM Game)").contains("Forbidden word"));
        assertTrue(refusal("C0 = 1 -- comment").contains("Comments"));
        assertTrue(refusal("C0 = 1 /* x */").contains("Comments"));
        assertTrue(refusal("delete").contains("Forbidden word"));
        assertTrue(refusal("C0 = 1 OR 1=1 OR exec").contains("Forbidden word"));
        assertTrue(refusal("(".repeat(40) + "C0 = 1" + ")".repeat(40)).contains("nested deeper"));
        assertTrue(refusal("NOT ".repeat(40) + "C0 = 1").contains("nested deeper"));
        assertTrue(assertThrows(SqlFilterException.class,
                () -> SqlFilter.compile("C0 = 1 OR ".repeat(300) + "C0 = 1", 100_000,
                        MasterSettings.DEFAULT_WRONG_WORDS))
                .getMessage().contains("tokens"));
        assertTrue(assertThrows(SqlFilterException.class,
                () -> SqlFilter.compile("C0 = 1", 3, MasterSettings.DEFAULT_WRONG_WORDS))
                .getMessage().contains("longer"));
        StringBuilder in = new StringBuilder("C0 IN (0");
        for (int i = 1; i <= 100; i++) {
            in.append(',').append(i);
        }
        assertTrue(refusal(in.append(')').toString()).contains("IN list"));
    }

    @Test
    void likeIsLinearEvenForPathologicalPatterns() {
        String text = "a".repeat(2000);
        String pattern = "%a".repeat(500) + "b";
        long start = System.nanoTime();
        assertFalse(SqlValues.like(text, pattern));
        assertTrue((System.nanoTime() - start) < 2_000_000_000L);
        assertTrue(SqlValues.like("abc", "a%c"));
        assertTrue(SqlValues.like("", "%"));
        assertFalse(SqlValues.like("", "_"));
    }

    @Test
    void parseTreeIsInspectable() throws SqlFilterException {
        SqlExpression e = SqlFilterParser.parse("C0 = 1 AND C1 LIKE 'x%'", 100, MasterSettings.DEFAULT_WRONG_WORDS);
        assertEquals(SqlExpression.And.class, e.getClass());
        SqlExpression.And and = (SqlExpression.And) e;
        assertEquals(new SqlExpression.Comparison(new SqlExpression.Column(0), "=", new SqlExpression.Literal(1L)),
                and.left());
    }
}
