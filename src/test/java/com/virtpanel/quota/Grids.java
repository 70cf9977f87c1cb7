package com.virtpanel.quota;

import com.virtpanel.testkit.Browser;

/** The text of a Vaadin grid's rendered cells (they live in the grid's light DOM, not in its text). */
final class Grids {

    private Grids() {
    }

    /** Waits until the grid shows {@code expected}; on a timeout says what the page showed instead. */
    static void awaitText(Browser browser, String gridId, String expected) {
        try {
            browser.waitFor(d -> text(browser, gridId).contains(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("quota-" + gridId);
            throw new AssertionError("\"" + expected + "\" not in grid " + gridId + " at " + browser.driver().getCurrentUrl()
                    + "; grid: " + text(browser, gridId) + "; page: "
                    + browser.driver().findElement(org.openqa.selenium.By.tagName("body")).getText(), e);
        }
    }

    static String text(Browser browser, String gridId) {
        Object text = browser.script("const g = document.getElementById(arguments[0]);"
                + "return g ? Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent).join(' | ') : '';",
                gridId);
        return text == null ? "" : text.toString();
    }
}
