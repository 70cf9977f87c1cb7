package com.virtpanel.base.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.base.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/** A service said "not found" while a view was opening: same page as an unknown route. */
@AnonymousAllowed
public class PanelNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public PanelNotFoundView() {
        NotFoundView.explain(this);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
