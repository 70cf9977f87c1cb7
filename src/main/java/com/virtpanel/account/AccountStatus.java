package com.virtpanel.account;

public enum AccountStatus { ACTIVE, SUSPENDED }
