package com.virtpanel.support.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A hidden HTML form that the browser submits itself: a real POST with Spring's CSRF token,
 * answered by a redirect, so the whole page loads again. Switching identity needs exactly that;
 * a Vaadin round trip would keep the old UI on screen.
 */
@Tag("form")
class PostForm extends Component {

    private final CsrfToken tokenAtCreation;

    PostForm(String path) {
        getElement().setAttribute("method", "post");
        getElement().setAttribute("action", contextPath() + path);
        getElement().getStyle().set("display", "none");
        // Views are built inside a request, which carries the token; keep it for later clicks.
        tokenAtCreation = currentToken().orElse(null);
    }

    /** Fills the form with these fields (and the CSRF token) and submits it in the browser. */
    void submit(Map<String, String> fields) {
        getElement().removeAllChildren();
        fields.forEach(this::hidden);
        CsrfToken token = currentToken().orElse(tokenAtCreation);
        if (token != null) {
            hidden(token.getParameterName(), token.getToken());
        }
        getElement().callJsFunction("submit");
    }

    private void hidden(String name, String value) {
        getElement().appendChild(new Element("input").setAttribute("type", "hidden").setAttribute("name", name)
                .setAttribute("value", value == null ? "" : value));
    }

    private static Optional<CsrfToken> currentToken() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                && request.getHttpServletRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return Optional.of(token);
        }
        return Optional.empty();
    }

    private static String contextPath() {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        return servlet == null ? "" : servlet.getServletContext().getContextPath();
    }
}
