package org.refcheck.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;",
                Html.escape("<script>alert(1)</script> & \"x\" 'y'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void slugsKeepCatalogueIdsAndNeverMergeOthers() {
        assertEquals("kref-table-mutex", Html.slug("kref-table-mutex"));
        assertNotEquals(Html.slug("a/b"), Html.slug("a_b"));
        assertEquals(-1, Html.slug(Fixtures.HOSTILE).indexOf('<'));
    }
}
