package com.virtpanel.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the admin's host page contributed by another module (the mail module shows whether
 * SMTP is configured and which messages failed), so the host module needs to know none of them.
 * {@link #section()} builds new components each time: it is called once per page.
 */
public interface HostPageSection {

    Component section();
}
