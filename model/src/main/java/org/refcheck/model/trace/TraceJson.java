package org.refcheck.model.trace;

import java.util.List;
import org.refcheck.model.rt.Event;

/** Writes a trace as JSON: the threads, then one object per event (for the HTML swimlane). */
public final class TraceJson {

    private TraceJson() {
    }

    public static String render(List<Event> events, List<String> threadNames, String failure, String schedule) {
        StringBuilder b = new StringBuilder("{\"failure\":").append(string(failure))
                .append(",\"schedule\":").append(string(schedule)).append(",\"threads\":[");
        for (int i = 0; i < threadNames.size(); i++) {
            b.append(i == 0 ? "" : ",").append(string(threadNames.get(i)));
        }
        b.append("],\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            b.append(i == 0 ? "" : ",").append("{\"index\":").append(e.index).append(",\"thread\":").append(e.thread)
                    .append(",\"kind\":").append(string(e.kind.name())).append(",\"object\":").append(string(e.label))
                    .append(",\"method\":").append(string(e.method))
                    .append(",\"read\":").append(e.read == null ? "null" : string(String.valueOf(e.read)))
                    .append(",\"written\":").append(e.written == null ? "null" : string(String.valueOf(e.written)))
                    .append(",\"location\":").append(e.location() == null ? "null" : string(e.location()))
                    .append('}');
        }
        return b.append("]}").toString();
    }

    /** A JSON string literal. */
    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
