/** Customers and staff: sign-up, login, roles, SSH keys, API tokens, who is acting. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "mail"})
package com.virtpanel.account;
