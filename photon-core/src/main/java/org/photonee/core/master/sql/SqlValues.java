package org.photonee.core.master.sql;

import java.util.Locale;

/** Value semantics of filters, after SQLite's: numbers compare numerically, numbers sort before text. */
final class SqlValues {
    private SqlValues() {
    }

    /**
     * A game property as the filter sees it: whole numbers as Long (Photon bytes unsigned), other numbers as
     * Double, booleans as 1/0, strings as they are; anything else (arrays, tables) as NULL, since it has no SQL
     * value to compare.
     */
    static Object normalize(Object v) {
        if (v instanceof Byte b) {
            return (long) (b & 0xFF);
        }
        if (v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        if (v instanceof String) {
            return v;
        }
        return null;
    }

    /** Negative, zero, positive; null when either side is NULL. */
    static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Long lx && y instanceof Long ly) {
                return Long.compare(lx, ly);
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        return a instanceof Number ? -1 : 1;
    }

    static String asText(Object v) {
        return v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
                ? Long.toString(d.longValue()) + ".0" : v.toString();
    }

    /** Leading numeric prefix of a text, as SQLite reads text in a numeric context; 0 when there is none. */
    static double textAsNumber(String s) {
        int end = 0;
        String t = s.trim();
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.'
                || end == 0 && (t.charAt(end) == '-' || t.charAt(end) == '+'))) {
            end++;
        }
        try {
            return end == 0 ? 0 : Double.parseDouble(t.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * SQL LIKE: {@code %} any run, {@code _} one character, case-insensitive as SQLite does by default. Dynamic
     * programming over (text, pattern) positions: linear memory and at most text×pattern steps, so no pattern can
     * make matching explode the way a backtracking matcher can.
     */
    static boolean like(String text, String pattern) {
        String s = text.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        boolean[] prev = new boolean[s.length() + 1];
        boolean[] cur = new boolean[s.length() + 1];
        prev[0] = true;
        for (int j = 1; j <= p.length(); j++) {
            char pc = p.charAt(j - 1);
            cur[0] = prev[0] && pc == '%';
            for (int i = 1; i <= s.length(); i++) {
                if (pc == '%') {
                    cur[i] = prev[i] || cur[i - 1];
                } else {
                    cur[i] = prev[i - 1] && (pc == '_' || pc == s.charAt(i - 1));
                }
            }
            boolean[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[s.length()];
    }
}
