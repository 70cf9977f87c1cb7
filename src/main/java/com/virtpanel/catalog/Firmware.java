package com.virtpanel.catalog;

public enum Firmware { BIOS, UEFI }
