/**
 * The server page's extension point: other modules' views add a part to the page by
 * implementing {@link com.virtpanel.server.ui.section.ServerPageSection}. A named interface of
 * the server module, apart from its core API, because only views use it.
 */
@org.springframework.modulith.NamedInterface("page-sections")
package com.virtpanel.server.ui.section;
