package org.refcheck.model.bench;

import org.refcheck.model.trace.TraceJson;

/** The few JSON encodings a {@link PerformanceReport} needs: strings (as traces write them), numbers and null. */
final class Json {

    private Json() {
    }

    static String string(String s) {
        return TraceJson.string(s);
    }

    /** A cell: a number as a JSON number (NaN and infinities as null), anything else as a string. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : Double.toString(d);
        }
        if (v instanceof Float f) {
            return value(f.doubleValue());
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return string(v.toString());
    }
}
