package com.virtpanel.catalog;

/** Decides device models: Linux and FreeBSD use virtio; Windows uses SATA/e1000 unless it has virtio drivers. */
public enum OsFamily { LINUX, FREEBSD, WINDOWS }
