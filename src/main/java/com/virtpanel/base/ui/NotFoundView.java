package com.virtpanel.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown for unknown routes and for objects the user may not see (they look the same). */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        explain(this);
    }

    /** Unknown pages and other people's objects get the same words: we never confirm what exists. */
    static void explain(VerticalLayout view) {
        view.add(new H2(Texts.get("base.not-found-view.not-found")), new Paragraph(Texts.get("base.not-found-view.page-does-not-exist")),
                new Anchor("", Texts.get("base.not-found-view.back-panel")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
