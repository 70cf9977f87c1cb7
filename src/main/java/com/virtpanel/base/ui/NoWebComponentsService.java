package com.virtpanel.base.ui;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.communication.WebComponentBootstrapHandler;
import com.vaadin.flow.server.communication.WebComponentProvider;
import com.vaadin.flow.spring.SpringVaadinServletService;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * Vaadin's service without the two request handlers for exported web components, which the
 * panel has none of. Vaadin asks them first about every request, and each asks a registry that
 * takes one lock for the whole application, twice a request. When more requests than cores
 * arrive together, a thread holding that lock is descheduled and all others park behind it: in
 * the UI load benchmark's surges, requests waited half a second on average there.
 */
class NoWebComponentsService extends SpringVaadinServletService {

    NoWebComponentsService(VaadinServlet servlet, DeploymentConfiguration configuration, ApplicationContext context) {
        super(servlet, configuration, context);
    }

    @Override
    protected List<RequestHandler> createRequestHandlers() throws ServiceException {
        List<RequestHandler> handlers = super.createRequestHandlers();
        handlers.removeIf(handler -> handler instanceof WebComponentProvider || handler instanceof WebComponentBootstrapHandler);
        return handlers;
    }
}
