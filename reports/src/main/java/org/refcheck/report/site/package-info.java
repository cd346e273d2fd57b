/**
 * The static result site: HTML pages generated from {@code results.json} documents alone, for one run or several
 * merged (machines, or before and after a change). Offline (no script, font or style from elsewhere: one
 * {@code style.css} and inline SVG), every string escaped by {@link org.refcheck.report.site.Html#escape}.
 * {@link org.refcheck.report.site.GenerateSite} is the entry point.
 */
package org.refcheck.report.site;
