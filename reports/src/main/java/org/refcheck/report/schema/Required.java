package org.refcheck.report.schema;

import java.util.List;
import java.util.Map;

/**
 * The checks the schema's records make on what they are given, so that a document missing a field fails when it is
 * read, with the field's name, instead of later while a page is drawn.
 */
final class Required {

    private Required() {
    }

    /** {@code value}, which must be present (it may be empty). */
    static String text(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** {@code value}, or the empty string if absent. */
    static String optional(String value) {
        return value == null ? "" : value;
    }

    /** An unmodifiable copy of {@code list}, which must be present and hold no null element. */
    static <T> List<T> list(List<T> list, String field) {
        if (list == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        for (T element : list) {
            if (element == null) {
                throw new IllegalArgumentException(field + " holds a null element");
            }
        }
        return List.copyOf(list);
    }

    /** An unmodifiable copy of {@code map}, or an empty map if absent. */
    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
