package com.virtpanel.usage.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Puts the usage panel's front-end code ({@code <vp-chart>} with uPlot, tabs, progress bar)
 * into the production bundle. Vaadin's build collects it from classes reachable from entry
 * points (routes, the app shell, init listeners); the panel is reached only through a Spring
 * bean ({@code ServerPageSection}), which that scan cannot follow. This class is such an
 * entry point; it is never registered, so it does nothing at run time.
 */
@Uses(UsagePanel.class)
@Uses(VpChart.class)
class UsagePanelBundle implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // nothing: this class only exists for the bundle scan
    }
}
