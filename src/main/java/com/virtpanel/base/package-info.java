/**
 * Shared kernel: errors every module may throw, the clock, the main layout and the
 * web security set-up. It depends on no other module, and all modules may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.virtpanel.base;
