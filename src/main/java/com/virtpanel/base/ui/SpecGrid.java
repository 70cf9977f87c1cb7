package com.virtpanel.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Labels and values in two columns (the theme's spec-grid), each value with an id to find it by. */
public class SpecGrid extends Div {

    public SpecGrid() {
        addClassName("spec-grid");
    }

    public void row(String label, String value, String valueId) {
        var dt = new Span(label);
        dt.addClassName("muted");
        var dd = new Span(value);
        dd.setId(valueId);
        add(dt, dd);
    }
}
