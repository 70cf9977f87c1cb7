/** What can be ordered: plans (sizes and limits) and OS images. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "base")
package com.virtpanel.catalog;
