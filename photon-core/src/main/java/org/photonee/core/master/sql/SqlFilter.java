package org.photonee.core.master.sql;

import java.util.List;
import java.util.Map;

/** A compiled filter, applied to games' lobby properties C0..C9. */
public final class SqlFilter {
    private static final String[] COLUMN_KEYS = {"C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"};
    private final SqlExpression expression;

    private SqlFilter(SqlExpression expression) {
        this.expression = expression;
    }

    public static SqlFilter compile(String filter, int maxLength, List<String> forbiddenWords)
            throws SqlFilterException {
        return new SqlFilter(SqlFilterParser.parse(filter, maxLength, forbiddenWords));
    }

    public SqlExpression expression() {
        return expression;
    }

    /** True only when the filter is TRUE for these properties (FALSE and UNKNOWN do not match). */
    public boolean matches(Map<?, ?> lobbyProperties) {
        return Boolean.TRUE.equals(expression.test(index -> lobbyProperties.get(COLUMN_KEYS[index])));
    }
}
