package org.refcheck.report.site;

import org.refcheck.report.schema.Verdict;

/** A verdict as a badge: its words (naming the oracle of a violation) on its colour, the detail as a tooltip. */
final class Badges {

    private Badges() {
    }

    static String of(Verdict v) {
        return "<span class=\"badge " + v.kind().cssClass() + "\" data-verdict=\"" + v.kind().name() + "\" title=\""
                + Html.escape(v.detail()) + "\">" + Html.escape(v.words()) + "</span>";
    }
}
