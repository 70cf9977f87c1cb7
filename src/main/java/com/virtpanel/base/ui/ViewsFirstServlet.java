package com.virtpanel.base.ui;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationContext;

/**
 * Vaadin's servlet, asked about a view's address before the class path is. Vaadin first looks
 * every GET up as a static file: five searches through every jar (its web resources and Spring's
 * four static locations) and a parse of its bundle's stats.json, before it renders the view.
 * Under the UI load benchmark that was an eighth of the panel's CPU. An address that names a
 * view and has no dot (no file name, no "..") is never a file here, so it goes to the view at
 * once; everything else (scripts, images, unsafe paths) takes Vaadin's own way. Its service is
 * {@link NoWebComponentsService}.
 */
class ViewsFirstServlet extends SpringServlet {

    private final ApplicationContext applicationContext;

    ViewsFirstServlet(ApplicationContext context, boolean rootMapping) {
        super(context, rootMapping);
        this.applicationContext = context;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new NoWebComponentsService(this, configuration, applicationContext);
        service.init();
        return service;
    }

    @Override
    protected boolean serveStaticOrWebJarRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (namesAView(request)) {
            return false;
        }
        return super.serveStaticOrWebJarRequest(request, response);
    }

    boolean namesAView(HttpServletRequest request) {
        String path = request.getPathInfo() != null ? request.getPathInfo() : request.getServletPath();
        if (path == null || path.indexOf('.') >= 0 || path.indexOf('%') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        String route = path.startsWith("/") ? path.substring(1) : path;
        return !route.isEmpty() && getService().getRouter().getRegistry().getNavigationTarget(route).isPresent();
    }
}
