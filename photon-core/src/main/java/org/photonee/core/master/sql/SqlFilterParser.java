package org.photonee.core.master.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.photonee.core.master.sql.SqlExpression.Operand;
import org.photonee.core.master.sql.SqlToken.Type;

/**
 * Recursive-descent parser of the filter language:
 * <pre>
 * filter     := or END
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | predicate
 * predicate  := '(' or ')'
 *             | operand ( compOp operand
 *                       | [NOT] IN '(' operand (',' operand)* ')'
 *                       | [NOT] LIKE operand
 *                       | [NOT] BETWEEN operand AND operand
 *                       | IS [NOT] NULL )?
 * operand    := C0..C9 | ['-'] number | string | NULL | TRUE | FALSE
 * compOp     := = | == | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * </pre>
 * Depth, length and list sizes are bounded so a hostile filter costs little to refuse.
 */
public final class SqlFilterParser {
    /** Nesting of parentheses and NOTs. */
    public static final int MAX_DEPTH = 32;
    /** Tokens in one filter. */
    public static final int MAX_TOKENS = 512;
    /** Entries of one IN list. */
    public static final int MAX_IN_LIST = 100;
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "LIKE", "BETWEEN", "IS", "NULL",
            "TRUE", "FALSE");

    private final List<SqlToken> tokens;
    private int pos;
    private int depth;

    private SqlFilterParser(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a filter.
     *
     * @param filter         the text from the client
     * @param maxLength      refuse longer texts
     * @param forbiddenWords words (or phrases) refused outright, case-insensitive, e.g. SELECT, UNION ALL
     */
    public static SqlExpression parse(String filter, int maxLength, List<String> forbiddenWords)
            throws SqlFilterException {
        if (filter == null || filter.isBlank()) {
            throw new SqlFilterException("Filter is empty");
        }
        if (filter.length() > maxLength) {
            throw new SqlFilterException("Filter is longer than " + maxLength + " characters");
        }
        rejectForbiddenWords(filter, forbiddenWords);
        List<SqlToken> tokens = SqlTokenizer.tokenize(filter, MAX_TOKENS);
        SqlFilterParser parser = new SqlFilterParser(tokens);
        SqlExpression expression = parser.or();
        SqlToken end = parser.peek();
        if (end.type() != Type.END) {
            throw unexpected(end, "end of filter");
        }
        return expression;
    }

    /**
     * Refuses forbidden words before tokenizing, so "UNION SELECT * ..." is reported as the forbidden word it is
     * rather than as the '*' the tokenizer would trip over first. Words inside string literals do not count.
     */
    private static void rejectForbiddenWords(String filter, List<String> forbiddenWords) throws SqlFilterException {
        List<String> words = words(filter);
        for (String phrase : forbiddenWords) {
            String[] parts = phrase.trim().toUpperCase(Locale.ROOT).split("\\s+");
            for (int i = 0; i + parts.length <= words.size(); i++) {
                boolean match = true;
                for (int w = 0; w < parts.length && match; w++) {
                    match = words.get(i + w).equals(parts[w]);
                }
                if (match) {
                    throw new SqlFilterException("Forbidden word '" + phrase + "' in filter");
                }
            }
        }
    }

    private static List<String> words(String filter) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '\'') {
                i++;
                while (i < filter.length() && filter.charAt(i) != '\'') {
                    i++;
                }
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < filter.length()
                        && (Character.isLetterOrDigit(filter.charAt(i)) || filter.charAt(i) == '_')) {
                    i++;
                }
                words.add(filter.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return words;
    }

    private SqlExpression or() throws SqlFilterException {
        SqlExpression left = and();
        while (peek().isKeyword("OR")) {
            pos++;
            left = new SqlExpression.Or(left, and());
        }
        return left;
    }

    private SqlExpression and() throws SqlFilterException {
        SqlExpression left = not();
        while (peek().isKeyword("AND")) {
            pos++;
            left = new SqlExpression.And(left, not());
        }
        return left;
    }

    private SqlExpression not() throws SqlFilterException {
        if (peek().isKeyword("NOT")) {
            pos++;
            enter();
            SqlExpression inner = not();
            depth--;
            return new SqlExpression.Not(inner);
        }
        return predicate();
    }

    private SqlExpression predicate() throws SqlFilterException {
        if (peek().type() == Type.LEFT_PAREN) {
            pos++;
            enter();
            SqlExpression inner = or();
            expect(Type.RIGHT_PAREN, "')'");
            depth--;
            return inner;
        }
        Operand left = operand();
        SqlToken t = peek();
        if (t.type() == Type.OPERATOR) {
            pos++;
            return new SqlExpression.Comparison(left, t.text(), operand());
        }
        boolean negated = false;
        if (t.isKeyword("NOT")) {
            pos++;
            negated = true;
            t = peek();
        }
        if (t.isKeyword("IN")) {
            pos++;
            return in(left, negated);
        }
        if (t.isKeyword("LIKE")) {
            pos++;
            return new SqlExpression.Like(left, operand(), negated);
        }
        if (t.isKeyword("BETWEEN")) {
            pos++;
            Operand low = operand();
            if (!peek().isKeyword("AND")) {
                throw unexpected(peek(), "AND of BETWEEN");
            }
            pos++;
            return new SqlExpression.Between(left, low, operand(), negated);
        }
        if (negated) {
            throw unexpected(t, "IN, LIKE or BETWEEN after NOT");
        }
        if (t.isKeyword("IS")) {
            pos++;
            boolean isNot = false;
            if (peek().isKeyword("NOT")) {
                pos++;
                isNot = true;
            }
            if (!peek().isKeyword("NULL")) {
                throw unexpected(peek(), "NULL");
            }
            pos++;
            return new SqlExpression.IsNull(left, isNot);
        }
        return new SqlExpression.Truth(left);
    }

    private SqlExpression in(Operand left, boolean negated) throws SqlFilterException {
        expect(Type.LEFT_PAREN, "'(' after IN");
        List<Operand> candidates = new ArrayList<>();
        do {
            if (candidates.size() == MAX_IN_LIST) {
                throw new SqlFilterException("IN list has more than " + MAX_IN_LIST + " entries");
            }
            candidates.add(operand());
        } while (consume(Type.COMMA));
        expect(Type.RIGHT_PAREN, "')' closing IN list");
        return new SqlExpression.In(left, candidates, negated);
    }

    private Operand operand() throws SqlFilterException {
        SqlToken t = next();
        switch (t.type()) {
            case NUMBER:
                return new SqlExpression.Literal(t.number());
            case MINUS: {
                SqlToken n = next();
                if (n.type() != Type.NUMBER) {
                    throw unexpected(n, "a number after '-'");
                }
                Number v = n.number();
                return new SqlExpression.Literal(v instanceof Long l ? (Object) (-l) : (Object) (-v.doubleValue()));
            }
            case STRING:
                return new SqlExpression.Literal(t.text());
            case IDENTIFIER:
                return identifier(t);
            default:
                throw unexpected(t, "a column, number or string");
        }
    }

    private Operand identifier(SqlToken t) throws SqlFilterException {
        String name = t.text();
        if (name.length() == 2 && name.charAt(0) == 'C' && Character.isDigit(name.charAt(1))) {
            return new SqlExpression.Column(name.charAt(1) - '0');
        }
        switch (name) {
            case "NULL":
                return new SqlExpression.Literal(null);
            case "TRUE":
                return new SqlExpression.Literal(1L);
            case "FALSE":
                return new SqlExpression.Literal(0L);
            default:
                break;
        }
        if (KEYWORDS.contains(name)) {
            throw unexpected(t, "a column, number or string");
        }
        throw new SqlFilterException("Unknown column '" + name + "' at position " + t.position()
                + ": only C0..C9 can be filtered");
    }

    private void enter() throws SqlFilterException {
        if (++depth > MAX_DEPTH) {
            throw new SqlFilterException("Filter is nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private SqlToken peek() {
        return tokens.get(pos);
    }

    private SqlToken next() {
        SqlToken t = tokens.get(pos);
        if (t.type() != Type.END) {
            pos++;
        }
        return t;
    }

    private boolean consume(Type type) {
        if (peek().type() == type) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Type type, String what) throws SqlFilterException {
        if (!consume(type)) {
            throw unexpected(peek(), what);
        }
    }

    private static SqlFilterException unexpected(SqlToken t, String expected) {
        String found = t.type() == Type.END ? "end of filter" : "'" + t.text() + "'";
        return new SqlFilterException("Expected " + expected + " but found " + found + " at position "
                + t.position());
    }
}
