package com.virtpanel.usage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** The {@code <vp-chart>} web component: a uPlot chart fed with {@link ChartData} as JSON. */
@Tag("vp-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./components/vp-chart.js")
public class VpChart extends Component implements HasSize {

    public VpChart() {
        setWidthFull();
    }

    void show(ChartData.Chart chart) {
        getElement().setProperty("data", ChartData.json(chart));
    }
}
