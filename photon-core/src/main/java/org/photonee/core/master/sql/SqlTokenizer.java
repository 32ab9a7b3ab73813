package org.photonee.core.master.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a filter into tokens. Anything outside the small filter language is refused here, with its position. */
final class SqlTokenizer {
    private final String text;
    private int pos;

    private SqlTokenizer(String text) {
        this.text = text;
    }

    static List<SqlToken> tokenize(String text, int maxTokens) throws SqlFilterException {
        SqlTokenizer t = new SqlTokenizer(text);
        List<SqlToken> tokens = new ArrayList<>();
        SqlToken token;
        do {
            token = t.next();
            tokens.add(token);
            if (tokens.size() > maxTokens) {
                throw new SqlFilterException("Filter has more than " + maxTokens + " tokens");
            }
        } while (token.type() != SqlToken.Type.END);
        return tokens;
    }

    private SqlToken next() throws SqlFilterException {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new SqlToken(SqlToken.Type.END, "", null, start);
        }
        char c = text.charAt(pos);
        if (c == ';') {
            throw new SqlFilterException("';' is not allowed in a filter (position " + start + ")");
        }
        if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-'
                || c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
            throw new SqlFilterException("Comments are not allowed in a filter (position " + start + ")");
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new SqlToken(SqlToken.Type.IDENTIFIER, text.substring(start, pos).toUpperCase(Locale.ROOT), null,
                    start);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        pos++;
        switch (c) {
            case '(':
                return new SqlToken(SqlToken.Type.LEFT_PAREN, "(", null, start);
            case ')':
                return new SqlToken(SqlToken.Type.RIGHT_PAREN, ")", null, start);
            case ',':
                return new SqlToken(SqlToken.Type.COMMA, ",", null, start);
            case '-':
                return new SqlToken(SqlToken.Type.MINUS, "-", null, start);
            case '=':
                if (peek('=')) {
                    pos++;
                }
                return new SqlToken(SqlToken.Type.OPERATOR, "=", null, start);
            case '!':
                if (peek('=')) {
                    pos++;
                    return new SqlToken(SqlToken.Type.OPERATOR, "<>", null, start);
                }
                break;
            case '<':
                if (peek('=') || peek('>')) {
                    String op = "<" + text.charAt(pos++);
                    return new SqlToken(SqlToken.Type.OPERATOR, op, null, start);
                }
                return new SqlToken(SqlToken.Type.OPERATOR, "<", null, start);
            case '>':
                if (peek('=')) {
                    pos++;
                    return new SqlToken(SqlToken.Type.OPERATOR, ">=", null, start);
                }
                return new SqlToken(SqlToken.Type.OPERATOR, ">", null, start);
            default:
                break;
        }
        throw new SqlFilterException("Unexpected character '" + c + "' at position " + start);
    }

    private boolean peek(char expected) {
        return pos < text.length() && text.charAt(pos) == expected;
    }

    private SqlToken number(int start) throws SqlFilterException {
        boolean decimal = false;
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (Character.isDigit(ch)) {
                pos++;
            } else if (ch == '.' && !decimal) {
                decimal = true;
                pos++;
            } else if ((ch == 'e' || ch == 'E') && pos + 1 < text.length()) {
                decimal = true;
                pos++;
                if (text.charAt(pos) == '+' || text.charAt(pos) == '-') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw new SqlFilterException("Malformed number at position " + start);
        }
        String literal = text.substring(start, pos);
        try {
            Number value = decimal ? (Number) Double.parseDouble(literal) : (Number) Long.parseLong(literal);
            return new SqlToken(SqlToken.Type.NUMBER, literal, value, start);
        } catch (NumberFormatException e) {
            throw new SqlFilterException("Malformed number '" + literal + "' at position " + start);
        }
    }

    private SqlToken string(int start) throws SqlFilterException {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == '\'') {
                if (peek('\'')) {
                    sb.append('\'');
                    pos++;
                } else {
                    return new SqlToken(SqlToken.Type.STRING, sb.toString(), null, start);
                }
            } else {
                sb.append(ch);
            }
        }
        throw new SqlFilterException("Unterminated string starting at position " + start);
    }
}
