package org.photonee.core.master.sql;

/**
 * One lexical token of a filter.
 *
 * @param type     what kind of token
 * @param text     the source text (identifiers upper-cased, strings unquoted)
 * @param number   the value of a NUMBER token (Long or Double), else null
 * @param position offset in the filter text, for error messages
 */
record SqlToken(Type type, String text, Number number, int position) {
    enum Type { IDENTIFIER, NUMBER, STRING, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, MINUS, END }

    boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equals(keyword);
    }
}
