package org.refcheck.report.site;

import java.util.Locale;

/**
 * The one escaping function of the site, and the few formatting helpers every page shares. Every string that comes
 * from a results document goes through {@link #escape} before it is written, in text and in attribute values alike.
 */
public final class Html {

    private Html() {
    }

    /** {@code text} with {@code & < > " '} replaced by character references; safe in text and quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count and its unit, singular for one: {@code 1 invocation}, {@code 2,000 invocations}. */
    static String quantity(long n, String unit) {
        return count(n) + " " + unit + (n == 1 ? "" : "s");
    }

    /** A duration for people: {@code 850 ms}, {@code 12.4 s}, {@code 3.2 min}. */
    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
    }

    /** A percentage with two decimals. */
    static String percent(long part, long total) {
        return String.format(Locale.ROOT, "%.2f%%", total == 0 ? 0.0 : 100.0 * part / total);
    }

    /**
     * A file-name-safe form of an id: lower-case letters, digits and '-' are kept, anything else becomes '_' and a
     * hash of the whole id is appended, so that distinct ids never share a page.
     */
    static String slug(String id) {
        String safe = id.replaceAll("[^a-z0-9-]", "_");
        return safe.equals(id) ? id : safe + "-" + Integer.toHexString(id.hashCode());
    }
}
