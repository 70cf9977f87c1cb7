package com.virtpanel.quota;

import com.virtpanel.testkit.Browser;

/** The text of a Vaadin grid's rendered cells (they live in the grid's light DOM, not in its text). */
final class Grids {

    private Grids() {
    }

    static String text(Browser browser, String gridId) {
        Object text = browser.script("const g = document.getElementById(arguments[0]);"
                + "return g ? Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent).join(' | ') : '';",
                gridId);
        return text == null ? "" : text.toString();
    }
}
