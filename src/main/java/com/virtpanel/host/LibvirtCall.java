package com.virtpanel.host;

import org.libvirt.LibvirtException;

/** One unit of work against the hypervisor, run by {@link LibvirtConnection} under a timeout. */
@FunctionalInterface
interface LibvirtCall<T> {

    T apply(NativeConnect connection) throws LibvirtException;
}
