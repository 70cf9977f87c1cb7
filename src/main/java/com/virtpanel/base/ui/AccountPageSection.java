package com.virtpanel.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A panel of the signed-in user's account page contributed by another module (the notify
 * module's "Email notices"), so the account module needs to know none of them. Called once per page.
 */
public interface AccountPageSection {

    Component section();
}
