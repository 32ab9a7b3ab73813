package org.photonee.core.master.sql;

import java.util.List;

/**
 * A node of a parsed filter. {@link #test} follows SQL's three-valued logic: TRUE, FALSE, or null for UNKNOWN
 * (any comparison with NULL); a game matches only when the whole filter is TRUE.
 */
public sealed interface SqlExpression {
    Boolean test(SqlRow row);

    /** A value in a comparison: a column or a literal. */
    sealed interface Operand {
        Object value(SqlRow row);
    }

    record Column(int index) implements Operand {
        @Override
        public Object value(SqlRow row) {
            return SqlValues.normalize(row.column(index));
        }
    }

    /** A literal: Long, Double, String or null. */
    record Literal(Object constant) implements Operand {
        @Override
        public Object value(SqlRow row) {
            return constant;
        }
    }

    record And(SqlExpression left, SqlExpression right) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Boolean l = left.test(row);
            if (Boolean.FALSE.equals(l)) {
                return false;
            }
            Boolean r = right.test(row);
            if (Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
    }

    record Or(SqlExpression left, SqlExpression right) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Boolean l = left.test(row);
            if (Boolean.TRUE.equals(l)) {
                return true;
            }
            Boolean r = right.test(row);
            if (Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }
    }

    record Not(SqlExpression inner) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Boolean v = inner.test(row);
            return v == null ? null : !v;
        }
    }

    /** A bare operand used as a condition, as SQL allows ({@code WHERE C0}): true when non-zero. */
    record Truth(Operand operand) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Object v = operand.value(row);
            if (v == null) {
                return null;
            }
            return v instanceof Number n ? n.doubleValue() != 0 : SqlValues.textAsNumber((String) v) != 0;
        }
    }

    /** {@code op} is one of =, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=. */
    record Comparison(Operand left, String op, Operand right) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Integer c = SqlValues.compare(left.value(row), right.value(row));
            if (c == null) {
                return null;
            }
            return switch (op) {
                case "=" -> c == 0;
                case "<>" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException("unknown operator " + op);
            };
        }
    }

    record In(Operand operand, List<Operand> candidates, boolean negated) implements SqlExpression {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public Boolean test(SqlRow row) {
            Object v = operand.value(row);
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (Operand candidate : candidates) {
                Integer c = SqlValues.compare(v, candidate.value(row));
                if (c == null) {
                    sawNull = true;
                } else if (c == 0) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        }
    }

    record Between(Operand operand, Operand low, Operand high, boolean negated) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Object v = operand.value(row);
            Boolean inRange = new And(new Comparison(new Literal(v), ">=", low),
                    new Comparison(new Literal(v), "<=", high)).test(row);
            return inRange == null ? null : inRange != negated;
        }
    }

    record Like(Operand operand, Operand pattern, boolean negated) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            Object v = operand.value(row);
            Object p = pattern.value(row);
            if (v == null || p == null) {
                return null;
            }
            return SqlValues.like(SqlValues.asText(v), SqlValues.asText(p)) != negated;
        }
    }

    record IsNull(Operand operand, boolean negated) implements SqlExpression {
        @Override
        public Boolean test(SqlRow row) {
            return (operand.value(row) == null) != negated;
        }
    }
}
