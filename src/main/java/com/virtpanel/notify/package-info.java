/**
 * Notices to customers by mail: their server is ready or reinstalled, their traffic allowance is
 * nearly or fully used, their CPU burst credits ran out, their account was suspended or
 * unsuspended, staff visited their account. Listens to the other modules' events and sends
 * through the mail module's outbox; the customer chooses the optional ones.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "mail", "account", "server", "quota"})
package com.virtpanel.notify;
